import { Layout, Result, Spin } from 'antd';
import { Link, Outlet, useOutletContext } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import type { PublicStats } from '../../../lib/api-types';
import { useApi } from '../../../lib/use-api';
import { useTitle } from '../../../lib/use-title';
import { fetchPublicStats } from '../api/public';

export const PUBLIC_NAME = '政策文件库';

export function usePublicStats(): PublicStats {
  return useOutletContext<PublicStats>();
}

function Closed() {
  useTitle(null, PUBLIC_NAME);
  return <Result status="info" title={<h1 className="result-title">公开政策文件库暂未开放</h1>} subTitle="本单位尚未开放公开政策文件库。如需查阅政策文件，请联系发文机关或通过政府网站信息公开栏目查询。" />;
}

/** The public library's own light frame: its name, a way in for staff, no app menu, no sign-in. */
export function PublicLayout() {
  const stats = useApi((signal) => fetchPublicStats(signal), []);
  let content;
  if (stats.error) content = stats.error.status === 404 ? <Closed /> : <ErrorResult standalone error={stats.error} onRetry={stats.reload} />;
  else if (!stats.data)
    content = (
      <div className="page-loading" role="status">
        <Spin size="large" description="正在加载…" />
      </div>
    );
  else content = <Outlet context={stats.data} />;

  return (
    <Layout className="public-layout">
      <a href="#main-content" className="skip-link" onClick={(e) => (e.preventDefault(), document.getElementById('main-content')?.focus())}>
        跳到主要内容
      </a>
      <Layout.Header className="public-header">
        <Link to="/public" className="brand public-brand">
          <span className="brand-mark" aria-hidden="true">
            政
          </span>
          <span>{PUBLIC_NAME}</span>
        </Link>
        <Link to="/login" className="public-staff">
          工作人员登录
        </Link>
      </Layout.Header>
      <Layout.Content id="main-content" tabIndex={-1} className="public-content">
        {content}
      </Layout.Content>
      <Layout.Footer className="public-footer">本库收录公开发布的政策文件，供社会公众查阅，内容以发文机关正式文本为准。</Layout.Footer>
    </Layout>
  );
}
