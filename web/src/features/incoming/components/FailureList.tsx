import { Alert, Space } from 'antd';
import { Link } from 'react-router-dom';
import type { RegisterFailure } from '../../../lib/api-types';

const HEADING: Record<RegisterFailure['kind'], string> = {
  duplicate: '已登记过',
  refused: '拒收',
  unreadable: '无法读取',
  invalid: '内容有误',
  'not-found': '未找到',
  conflict: '登记冲突',
};

/** The files that were not registered, each with the server's reason; a repeat links to its first registration. */
export function FailureList({ failures }: { failures: readonly RegisterFailure[] }) {
  if (failures.length === 0) return null;
  return (
    <Space orientation="vertical" size={8} className="full-width" role="list" aria-label="未登记的文件">
      {failures.map((f, i) => (
        <div role="listitem" key={`${f.name}-${i}`}>
          <Alert
            type={f.kind === 'duplicate' ? 'warning' : 'error'}
            showIcon
            title={
              <span>
                {HEADING[f.kind]}：<strong className="break-all">{f.name}</strong>
              </span>
            }
            description={
              <>
                <div>{f.error}</div>
                {f.first && (
                  <div>
                    第一次登记：<Link to={`/incoming/${f.first.id}`}>{f.first.serial}</Link>
                  </div>
                )}
              </>
            }
          />
        </div>
      ))}
    </Space>
  );
}
