import { Typography } from 'antd';
import { chineseDate } from '../../../lib/format';

/** The deadline as a date, and as the document wrote it (3月底前) when that says something else. */
export function DeadlineText({ deadline, text, original }: { deadline: string | null; text: string | null; original?: string | null }) {
  if (!deadline && !text) return <Typography.Text type="secondary">未定时限</Typography.Text>;
  return (
    <span className="sv-deadline">
      <span>{deadline ? chineseDate(deadline) : '未定日期'}</span>
      {text && <Typography.Text type="secondary" className="sv-deadline-text">（{text}）</Typography.Text>}
      {original && original !== deadline && <Typography.Text type="secondary" className="sv-deadline-text">原定 {chineseDate(original)}</Typography.Text>}
    </span>
  );
}
