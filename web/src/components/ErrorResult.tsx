import { DisconnectOutlined, FileSearchOutlined, StopOutlined, WarningOutlined } from '@ant-design/icons';
import { Button, Result } from 'antd';
import { ApiError } from '../lib/api-client';

/** standalone: the result is the page (its title is the page's h1), not a part of one. */
interface Props {
  message?: string;
  standalone?: boolean;
}

const heading = (text: string, standalone?: boolean) => (standalone ? <h1 className="result-title">{text}</h1> : text);

export function Forbidden({ message, standalone }: Props) {
  return <Result status="error" icon={<StopOutlined aria-hidden className="result-icon result-icon-403" />} title={heading('无权访问', standalone)} subTitle={message ?? '您的账户没有访问此页面的权限，如需开通请联系管理员。'} />;
}

export function NotFound({ message, standalone }: Props) {
  return <Result status="info" icon={<FileSearchOutlined aria-hidden className="result-icon" />} title={heading('未找到', standalone)} subTitle={message ?? '请求的页面或内容不存在，可能已被移除。'} />;
}

/** How a page shows a failed load: the server's 403 and 404 as such, anything else with 重试. */
export function ErrorResult({ error, onRetry, standalone }: { error: ApiError | Error; onRetry?: () => void; standalone?: boolean }) {
  const status = error instanceof ApiError ? error.status : 0;
  if (status === 403) return <Forbidden message={error.message} standalone={standalone} />;
  if (status === 404) return <NotFound message={error.message} standalone={standalone} />;
  return (
    <Result
      status="warning"
      icon={status === 0 ? <DisconnectOutlined aria-hidden className="result-icon" /> : <WarningOutlined aria-hidden className="result-icon result-icon-warn" />}
      title={heading('加载失败', standalone)}
      subTitle={error.message}
      extra={
        onRetry && (
          <Button type="primary" onClick={onRetry}>
            重试
          </Button>
        )
      }
    />
  );
}
