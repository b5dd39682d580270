import { Drawer, Empty, Skeleton, Tag, Timeline } from 'antd';
import { Link } from 'react-router-dom';
import { ErrorResult } from '../../../components/ErrorResult';
import type { Appointment } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';
import { APPOINTMENT_ACTION_COLOR, APPOINTMENT_ACTION_LABEL } from '../../../lib/labels';
import { useApi } from '../../../lib/use-api';
import { fetchAppointments } from '../api/appointments';
import { appointmentTerms } from './terms';

/** Oldest first; undated decisions keep the order the store gives (the order of the documents). */
function inOrder(list: Appointment[]): Appointment[] {
  return [...list].sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) : 0) || a.id - b.id);
}

/** All the decisions about one person, in order. */
export function PersonHistory({ person, onClose }: { person: string | null; onClose: () => void }) {
  const history = useApi(person ? (signal) => fetchAppointments({ person }, signal) : null, [person]);
  const list = inOrder(history.data ?? []);
  return (
    <Drawer open={person !== null} onClose={onClose} title={person ? `${person} 的任免记录` : ''} size={480} destroyOnHidden>
      {history.error ? (
        <ErrorResult error={history.error} onRetry={history.reload} />
      ) : history.loading ? (
        <Skeleton active />
      ) : list.length === 0 ? (
        <Empty description="暂无任免记录" />
      ) : (
        <Timeline
          items={list.map((a) => ({
            key: a.id,
            color: a.action === 'appoint' ? 'green' : a.action === 'remove' ? 'gray' : 'blue',
            content: (
              <div className="history-item">
                <div className="history-date">{a.date ? chineseDate(a.date) : '日期不详'}</div>
                <div>
                  <Tag color={APPOINTMENT_ACTION_COLOR[a.action]}>{APPOINTMENT_ACTION_LABEL[a.action]}</Tag>
                  <span>{a.post}</span>
                </div>
                {appointmentTerms(a) && <div className="muted">{appointmentTerms(a)}</div>}
                <div className="muted">
                  {a.batch && (a.documentId !== null ? <Link to={`/documents/${a.documentId}`}>{a.batch}</Link> : a.batch)}
                  {a.batch && '　'}来源：{a.source}
                </div>
              </div>
            ),
          }))}
        />
      )}
    </Drawer>
  );
}
