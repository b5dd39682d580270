import { Badge, Card, Empty, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import { PageContainer } from '../../../components/PageContainer';
import type { IncomingView } from '../../../lib/api-types';
import { useCan } from '../../../lib/authorization';
import { chineseDate } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchTodo, type TodoList } from '../api/todo';
import { StateTag } from '../components/IncomingTable';
import '../incoming.css';
import '../incoming-flow.css';

/**
 * Where a row leads: its 收文详情; a 传阅 row to the recipient's reading page, which records 已读
 * and offers 已阅 (and links on to 收文详情 for those who read the 收文簿).
 */
const rowLink = (list: TodoList, i: IncomingView) => (list.key === 'circulated' ? `/incoming/circulated/${i.id}` : `/incoming/${i.id}`);

function TodoSection({ list }: { list: TodoList }) {
  const id = `todo-${list.key}`;
  return (
    <Card
      size="small"
      className="inc-todo-section"
      title={
        <h2 className="card-title" id={id}>
          {list.title}
          <Badge count={list.total} showZero color={list.total > 0 ? '#1677ff' : '#bfbfbf'} className="inc-todo-count" />
        </h2>
      }
    >
      <section aria-labelledby={id}>
        <Typography.Paragraph type="secondary">{list.hint}</Typography.Paragraph>
        <List
          size="small"
          dataSource={list.items}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" /> }}
          renderItem={(i) => (
            <List.Item key={i.id}>
              <div className="inc-todo-row">
                <Link to={rowLink(list, i)} className="inc-serial" aria-label={`${i.serial} ${i.title}`}>
                  {i.serial}
                </Link>
                <StateTag incoming={i} />
                {i.urgency && <Tag color="red">{i.urgency}</Tag>}
                {i.circulating && <Tag color="geekblue">传阅中</Tag>}
                <span className="inc-todo-title">{i.title}</span>
                <Typography.Text type="secondary">
                  {chineseDate(i.receivedOn)} · {i.fromUnit ?? '—'}
                </Typography.Text>
              </div>
            </List.Item>
          )}
        />
        {list.total > list.items.length && <Typography.Text type="secondary">另有 {list.total - list.items.length} 份，请到收文簿查看。</Typography.Text>}
      </section>
    </Card>
  );
}

/**
 * 待办: for each role what waits in 收文 — the clerk's registrations to 初审, 拟办 sent back to
 * redo and instructed ones to 分办 or 传阅; the leader's turns to 批示; everyone's unread 传阅.
 * Each row opens its 收文详情.
 */
export function TodoPage() {
  const can = useCan();
  const todo = useApi((signal) => fetchTodo(can, signal), [can]);
  if (todo.error) return <ErrorResult standalone error={todo.error} onRetry={todo.reload} />;
  const lists = todo.data ?? [];
  const total = lists.reduce((n, l) => n + l.total, 0);
  return (
    <PageContainer title="待办" breadcrumb={[{ title: '首页', to: '/' }]}>
      <Typography.Paragraph type="secondary">{todo.data ? (total > 0 ? `共 ${total} 件待办。` : '目前没有待办的收文。') : '正在加载…'}</Typography.Paragraph>
      <Space direction="vertical" size={16} className="inc-todo-lists">
        {todo.loading && !todo.data ? <Card size="small" loading /> : lists.map((l) => <TodoSection key={l.key} list={l} />)}
      </Space>
    </PageContainer>
  );
}
