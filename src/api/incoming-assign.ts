// The shapes of 分办 and 承办 over HTTP: the 分办 form's starting values, the 分办 request, a unit's
// 答复, 办结, and a unit's list of what was assigned to it (我的承办). Pure: zod only.
import { z } from 'zod';
import { Id, IsoDay } from './common.ts';
import { AssignmentView, DeadlineSource, IncomingView } from './incoming.ts';

const Version = z.number().int().optional().meta({ description: '调用方看到的版本；已被他人修改时拒绝（409）' });

export const AssignDraftView = z.object({
  lead: z.string().nullable().meta({ description: '拟办意见中的主办单位' }),
  cooperating: z.array(z.string()).meta({ description: '拟办意见中的协办单位' }),
  unknown: z.array(z.string()).meta({ description: '其中不在单位目录中的名称（须重新选择）' }),
  deadline: IsoDay.meta({ description: '默认办理期限：来文要求的日期，否则今天起若干工作日' }),
  deadlineSource: DeadlineSource,
  workingDays: z.number().int().meta({ description: '来文未定期限时的默认工作日数（设置项）' }),
  today: IsoDay,
  opensLedger: z.boolean().meta({ description: '来文有工作措施：分办时同时立项督办台账' }),
});

export const AssignBody = z.object({
  lead: z.string().max(200).meta({ description: '主办单位' }),
  cooperating: z.array(z.string().max(200)).max(100).optional().meta({ description: '协办单位' }),
  deadline: z.string().max(20).nullable().optional().meta({ description: '办理期限 YYYY-MM-DD；不填则用来文要求的日期或默认工作日数' }),
  version: Version,
});

export const AssignmentParams = z.object({ id: Id(), aid: Id() });
export const ReplyBody = z.object({ text: z.string().max(8000).meta({ description: '答复内容' }), version: Version });
export const ConcludeBody = z.object({ note: z.string().max(4000).nullable().optional().meta({ description: '办结意见' }), version: Version });
export const AssignVersionBody = z.object({ version: Version });

export const AssignedItem = z.object({
  incoming: IncomingView,
  assignment: AssignmentView.meta({ description: '本单位的承办任务' }),
  overdue: z.boolean().meta({ description: '已逾期：过了办理期限尚未答复' }),
  daysOverdue: z.number().int(),
});
export const AssignedList = z.object({ items: z.array(AssignedItem), today: IsoDay });
