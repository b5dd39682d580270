import { Button, Table, type TableColumnsType } from 'antd';
import type { TaskView } from '../../../lib/api-types';
import { DeadlineText, UnitTags } from './TaskUnits';

/** The ledger of the document's tasks; 定位 shows the task in the body. */
export function TaskTable({ tasks, onLocate, locatable }: { tasks: TaskView[]; onLocate: (task: TaskView) => void; locatable: (task: TaskView) => boolean }) {
  const columns: TableColumnsType<TaskView> = [
    { title: '序号', key: 'n', width: 64, render: (_v, _t, i) => i + 1 },
    {
      title: '任务',
      dataIndex: 'text',
      key: 'text',
      width: 420,
      render: (text: string, task) => (
        <div>
          {task.path.length > 0 && <span className="task-path">{task.path.join('')} </span>}
          <span className="task-text">{text}</span>
          {locatable(task) && (
            <div>
              <Button type="link" size="small" className="inline-link" onClick={() => onLocate(task)}>
                在正文中定位
              </Button>
            </div>
          )}
        </div>
      ),
    },
    { title: '牵头单位', key: 'leads', width: 180, render: (_v, t) => <UnitTags units={t.leads} role="lead" /> },
    { title: '责任单位', key: 'responsible', width: 220, render: (_v, t) => <UnitTags units={t.responsible} role="responsible" /> },
    { title: '配合单位', key: 'cooperating', width: 180, render: (_v, t) => <UnitTags units={t.cooperating} role="cooperating" /> },
    { title: '完成时限', key: 'deadline', width: 140, render: (_v, t) => <DeadlineText deadline={t.deadline} /> },
  ];
  return (
    <Table<TaskView>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={tasks}
      scroll={{ x: 'max-content' }}
      pagination={tasks.length > 20 ? { pageSize: 20, showSizeChanger: false, showTotal: (n) => `共 ${n} 项` } : false}
      locale={{ emptyText: '本文未识别出任务' }}
    />
  );
}
