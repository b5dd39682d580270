import { Space, Tag } from 'antd';
import type { Validity } from '../lib/api-types';
import { PROVISIONAL_LABEL, VALIDITY_COLOR, VALIDITY_LABEL } from '../lib/labels';

/** The validity mark every document carries: 现行有效 / 已废止 / 已失效 / 尚未施行, and 试行. */
export function ValidityTag({ validity, provisional }: { validity: Validity; provisional?: boolean }) {
  return (
    <Space size={4} wrap className="validity">
      <Tag color={VALIDITY_COLOR[validity]} className={`validity-tag validity-${validity}`}>
        {VALIDITY_LABEL[validity] ?? validity}
      </Tag>
      {provisional && (
        <Tag color="orange" className="validity-tag">
          {PROVISIONAL_LABEL}
        </Tag>
      )}
    </Space>
  );
}
