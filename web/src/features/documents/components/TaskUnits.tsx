import { ClockCircleOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { Deadline, TaskView, UnitRef } from '../../../lib/api-types';
import { UNIT_ROLE_COLOR, UNIT_ROLE_LABEL, type UnitRole } from '../../../lib/labels';

export const roleUnits = (task: TaskView): [UnitRole, UnitRef[]][] => [
  ['lead', task.leads],
  ['responsible', task.responsible],
  ['cooperating', task.cooperating],
];

/** A unit as written, with the directory's name when it differs (市发改委 → 通辽市发展和改革委员会). */
export function UnitTag({ unit, role }: { unit: UnitRef; role: UnitRole }) {
  const tag = <Tag color={UNIT_ROLE_COLOR[role]}>{unit.name}</Tag>;
  return unit.canonical && unit.canonical !== unit.name ? <Tooltip title={`规范名称：${unit.canonical}`}>{tag}</Tooltip> : tag;
}

export function UnitTags({ units, role }: { units: readonly UnitRef[]; role: UnitRole }) {
  if (units.length === 0) return <span className="muted">—</span>;
  return (
    <span className="unit-tags">
      {units.map((u, i) => (
        <UnitTag key={`${u.name}-${i}`} unit={u} role={role} />
      ))}
    </span>
  );
}

export function DeadlineText({ deadline }: { deadline: Deadline | null }) {
  if (!deadline) return <span className="muted">未明确</span>;
  return <span>{deadline.date && deadline.kind === 'date' ? `${deadline.text}（${deadline.date}）` : deadline.text}</span>;
}

/** What follows a task's paragraph in the body: its number, its units by role, its deadline. */
export function TaskMeta({ task, index }: { task: TaskView; index: number }) {
  return (
    <div className="task-meta" id={`task-${task.id}`} tabIndex={-1} role="note" aria-label={`任务 ${index + 1}`}>
      <span className="task-meta-label">任务 {index + 1}</span>
      {roleUnits(task)
        .filter(([, units]) => units.length > 0)
        .map(([role, units]) => (
          <span key={role} className="task-meta-role">
            <span className="task-meta-role-label">{UNIT_ROLE_LABEL[role]}：</span>
            {units.map((u, i) => (
              <UnitTag key={`${u.name}-${i}`} unit={u} role={role} />
            ))}
          </span>
        ))}
      {task.deadline && (
        <span className="task-meta-deadline">
          <ClockCircleOutlined aria-hidden /> 时限：<DeadlineText deadline={task.deadline} />
        </span>
      )}
    </div>
  );
}
