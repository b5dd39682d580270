import { Alert, Card, Col, Grid, List, Row, Space, Table, Tag, Typography } from 'antd';
import type { CalendarYearView, YearSource } from '../../../lib/api-types';
import { beijingTime } from '../../../lib/format';

export const SOURCE_TAG: Record<YearSource, { label: string; color: string }> = {
  official: { label: '正式', color: 'green' },
  imported: { label: '正式·已导入', color: 'blue' },
  provisional: { label: '暂定', color: 'orange' },
};

const SOURCE_HELP: Record<YearSource, string> = {
  official: '节假日与调休按国务院办公厅通知，随程序发布。',
  imported: '节假日与调休按导入的国务院办公厅通知。',
  provisional: '国务院办公厅通知尚未导入：法定节假日按《全国年节及纪念日放假办法》推算（逢周末补假），没有调休上班日。此年的时限与督办文书日期为暂定，导入通知后自动更正。',
};

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** Weekday of a YYYY-MM-DD day, 1 = Monday … 7 = Sunday, counted without the browser's time zone. */
function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

const pad = (n: number) => String(n).padStart(2, '0');
const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

interface DayMark {
  kind: 'off' | 'work';
  name: string;
}

/**
 * One month as a table of weeks: rest days of a holiday marked 休, 调休 working days 班, weekends
 * grey. A real table (caption, weekday headers, a row per week) reads right to a screen reader;
 * each marked day also says in words what it is.
 */
function MonthGrid({ year, month, marks }: { year: number; month: number; marks: Map<string, DayMark> }) {
  const first = weekdayOf(`${year}-${pad(month)}-01`);
  const cells: (string | null)[] = [...Array<null>(first - 1).fill(null)];
  for (let d = 1; d <= daysIn(year, month); d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const marked = cells.some((c) => c !== null && marks.has(c));
  return (
    <table className="calendar-grid">
      <caption className="calendar-month-title">
        {year}年{month}月{marked ? '' : <Typography.Text type="secondary">（无节假日）</Typography.Text>}
      </caption>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th key={w} scope="col" className="calendar-head" abbr={`星期${w}`}>
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, w) => (
          <tr key={w}>
            {week.map((day, i) => {
              if (day === null) return <td key={`blank-${i}`} />;
              const mark = marks.get(day);
              const weekend = weekdayOf(day) >= 6;
              const cls = mark ? `calendar-day calendar-${mark.kind}` : weekend ? 'calendar-day calendar-weekend' : 'calendar-day';
              return (
                <td key={day} className={cls} title={mark ? `${day} ${mark.name}${mark.kind === 'off' ? '放假' : '调休上班'}` : day}>
                  {Number(day.slice(8))}
                  {mark && (
                    <span className="calendar-badge">
                      {mark.kind === 'off' ? '休' : '班'}
                      <span className="visually-hidden">（{mark.name}{mark.kind === 'off' ? '放假' : '调休上班'}）</span>
                    </span>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A year of the calendar: where its holidays come from, the list of holidays and 调休 days, and the twelve months. */
export function CalendarYear({ view }: { view: CalendarYearView }) {
  const marks = new Map<string, DayMark>();
  for (const h of view.holidays) for (const d of h.days) marks.set(d, { kind: 'off', name: h.name });
  for (const w of view.workdays) marks.set(w.date, { kind: 'work', name: w.name });
  const workdaysOf = (name: string) => view.workdays.filter((w) => w.name === name || name.split('、').includes(w.name));
  const span = (days: string[]) => (days.length === 1 ? days[0] : `${days[0]} 至 ${days[days.length - 1]}`);
  const dayLabel = (d: string) => `${d.slice(5)}（周${WEEKDAYS[weekdayOf(d) - 1]}）`;
  const workText = (name: string) => workdaysOf(name).map((x) => dayLabel(x.date)).join('、');
  // On a phone the table's third column would sit off-screen: one block per holiday instead.
  const narrow = Grid.useBreakpoint().md === false;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Alert
        type={view.source === 'provisional' ? 'warning' : 'info'}
        showIcon
        title={
          <Space wrap size={4}>
            <Tag color={SOURCE_TAG[view.source].color}>{SOURCE_TAG[view.source].label}</Tag>
            <span>{SOURCE_HELP[view.source]}</span>
          </Space>
        }
        description={
          view.imported
            ? `${beijingTime(view.imported.importedAt)} 由 ${view.imported.importedBy} 导入${view.imported.fileName ? `（${view.imported.fileName}）` : '（粘贴全文）'}${view.imported.replacedCount > 0 ? `，替换了之前的 ${view.imported.replacedCount} 次导入（保留在记录中）` : ''}`
            : undefined
        }
      />
      <Card size="small" title={`${view.year}年节假日与调休`}>
        {narrow ? (
          <List
            size="small"
            dataSource={view.holidays}
            locale={{ emptyText: '没有节假日' }}
            renderItem={(h) => (
              <List.Item key={h.name}>
                <Space direction="vertical" size={0}>
                  <Typography.Text strong>{h.name}</Typography.Text>
                  <span>
                    放假 {span(h.days)}，共{h.days.length}天
                  </span>
                  <Typography.Text type={workText(h.name) ? undefined : 'secondary'}>调休上班：{workText(h.name) || '无'}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        ) : (
          <Table
            rowKey="name"
            size="small"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={view.holidays}
            locale={{ emptyText: '没有节假日' }}
            columns={[
              { title: '节日', dataIndex: 'name' },
              { title: '放假', key: 'days', render: (_, h) => `${span(h.days)}，共${h.days.length}天` },
              {
                title: '调休上班',
                key: 'work',
                render: (_, h) => workText(h.name) || <Typography.Text type="secondary">无</Typography.Text>,
              },
            ]}
          />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        {Array.from({ length: 12 }, (_, i) => (
          <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
            <MonthGrid year={view.year} month={i + 1} marks={marks} />
          </Col>
        ))}
      </Row>
    </Space>
  );
}
