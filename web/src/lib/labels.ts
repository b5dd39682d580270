// The Chinese words the UI shows for the contract's codes. One table per vocabulary, imported
// wherever the code is shown, so a label never differs between two pages.
import type { Appointment, AssignmentRole, AssignmentState, DeadlineSource, ImportOutcome, IncomingState, ItemState, Light, LinkView, LedgerSummary, NoticeView, Permission, Role, SearchKind, UnitRole, UserView, Validity } from './api-types';

/** What a document without a title is called wherever its title would be. */
export const UNTITLED = '（无标题）';
export const titleOf = (title: string | null | undefined) => (title && title.trim() ? title : UNTITLED);

export const ROLE_LABEL: Record<Role, string> = {
  admin: '管理员',
  clerk: '收文员',
  leader: '领导',
  supervisor: '督查室',
  unit: '承办单位',
};
export const ROLES = Object.keys(ROLE_LABEL) as Role[];
export const ROLE_COLOR: Record<Role, string> = { admin: 'volcano', clerk: 'blue', leader: 'gold', supervisor: 'purple', unit: 'cyan' };

export const PERMISSION_LABEL: Record<Permission, string> = {
  'library.read': '查阅文件库',
  'library.import': '导入文件',
  'users.manage': '管理用户',
  'sessions.manage': '管理会话',
  'audit.read': '查看审计日志',
  'account.self': '维护本人账户',
  'supervision.read': '查看督办台账',
  'supervision.manage': '立项与交办',
  'supervision.act': '办理本单位事项',
  'supervision.rules': '修改督办规则',
  'calendar.manage': '导入节假日安排',
  'incoming.read': '查看收文簿',
  'incoming.register': '收文登记与初审',
  'incoming.propose': '拟办',
  'incoming.instruct': '批示收文',
  'incoming.circulate': '传阅收文',
  'incoming.receive': '阅看传阅件',
  'incoming.assign': '分办、催办、办结收文',
  'incoming.handle': '承办本单位收文并答复',
  'incoming.archive': '归档收文',
  'archive.settings': '维护归档设置',
  'leaders.manage': '维护领导分管表',
};

export const VALIDITY_LABEL: Record<Validity, string> = { valid: '现行有效', repealed: '已废止', expired: '已失效', pending: '尚未施行' };
/** Ant Design preset colours: green in force, red repealed, grey lapsed, blue not yet in force. */
export const VALIDITY_COLOR: Record<Validity, string> = { valid: 'green', repealed: 'red', expired: 'default', pending: 'blue' };
export const PROVISIONAL_LABEL = '试行';
export const VALIDITIES = Object.keys(VALIDITY_LABEL) as Validity[];

export const SEARCH_KIND_LABEL: Record<SearchKind, string> = { document: '公文', task: '任务', appointment: '任免', chronicle: '大事记' };
export const SEARCH_KIND_COLOR: Record<SearchKind, string> = { document: 'blue', task: 'orange', appointment: 'purple', chronicle: 'cyan' };

export const APPOINTMENT_ACTION_LABEL: Record<Appointment['action'], string> = { appoint: '任', remove: '免', second: '挂职' };
export const APPOINTMENT_ACTION_COLOR: Record<Appointment['action'], string> = { appoint: 'green', remove: 'default', second: 'blue' };

export const LINK_RELATION_LABEL: Record<LinkView['relation'], string> = { cites: '引用', implements: '贯彻落实', repeals: '废止', continues: '延续' };

export const IMPORT_STATUS_LABEL: Record<ImportOutcome['status'], string> = {
  imported: '已导入',
  replaced: '已更新',
  unchanged: '未变化',
  duplicate: '重复',
  failed: '失败',
  refused: '拒绝',
};
export const IMPORT_STATUS_COLOR: Record<ImportOutcome['status'], string> = {
  imported: 'success',
  replaced: 'processing',
  unchanged: 'default',
  duplicate: 'default',
  failed: 'error',
  refused: 'warning',
};

export type { UnitRole };
export const UNIT_ROLE_LABEL: Record<UnitRole, string> = { lead: '牵头', responsible: '责任', cooperating: '配合' };
export const UNIT_ROLE_COLOR: Record<UnitRole, string> = { lead: 'red', responsible: 'blue', cooperating: 'green' };
/** The roles as a 督办 ledger heads its columns. */
export const UNIT_ROLE_TITLE: Record<UnitRole, string> = { lead: '牵头单位', responsible: '责任单位', cooperating: '配合单位' };
export const UNIT_ROLES = Object.keys(UNIT_ROLE_TITLE) as UnitRole[];

// 督查督办
export const ITEM_STATE_LABEL: Record<ItemState, string> = {
  draft: '草稿',
  dropped: '不予立项',
  issued: '已交办',
  working: '办理中',
  claimed: '申请办结',
  returned: '退回',
  done: '已办结',
  terminated: '终止',
};
export const ITEM_STATES = Object.keys(ITEM_STATE_LABEL) as ItemState[];
export const ITEM_STATE_COLOR: Record<ItemState, string> = {
  draft: 'default',
  dropped: 'default',
  issued: 'blue',
  working: 'geekblue',
  claimed: 'purple',
  returned: 'orange',
  done: 'success',
  terminated: 'default',
};
/** Open items: the ones a unit still works on and the office still watches. */
export const OPEN_STATES: readonly ItemState[] = ['issued', 'working', 'claimed', 'returned'];

export const LIGHT_LABEL: Record<Light, string> = { green: '绿灯', yellow: '黄灯', red: '红灯' };
export const LIGHTS = Object.keys(LIGHT_LABEL) as Light[];
/** The dot's colour; the word goes beside it, so colour is never the only sign. */
export const LIGHT_COLOR: Record<Light, string> = { green: '#389e0d', yellow: '#d48806', red: '#cf1322' };
export const LIGHT_HINT: Record<Light, string> = { green: '按期推进', yellow: '临近时限或未按期报送进展', red: '已超期' };

export const LEDGER_SOURCE_LABEL: Record<LedgerSummary['sourceKind'], string> = { document: '公文', instruction: '领导批示件', meeting: '会议议定事项' };
export const LEDGER_STATE_LABEL: Record<LedgerSummary['state'], string> = { draft: '立项中', issued: '已交办' };
export const DECISION_LABEL = { approved: '已批准', refused: '已驳回' } as const;
export const NOTICE_COLOR: Record<NoticeView['kind'], string> = { 提醒单: 'gold', 催办单: 'orange', 督办单: 'red', 移交函: 'magenta' };

/** The actions the contract lists; others are shown as the server writes them. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  login: '登录',
  'login-failed': '登录失败',
  logout: '退出',
  'user-create': '新增用户',
  'user-update': '修改用户',
  'password-reset': '重置密码',
  'password-change': '修改密码',
  'user-unlock': '解锁用户',
  'session-revoke': '强制下线',
  import: '导入',
  read: '查阅',
};

/** The kinds of record an audit event is about. */
export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  user: '用户',
  session: '会话',
  source_file: '来源文件',
  document: '公文',
  task: '任务',
  import: '导入',
};

export type UserStatus = 'active' | 'disabled' | 'locked';
export const USER_STATUS_LABEL: Record<UserStatus, string> = { active: '正常', disabled: '停用', locked: '锁定' };
export const USER_STATUS_COLOR: Record<UserStatus, string> = { active: 'success', disabled: 'default', locked: 'error' };

export function userStatus(user: UserView, now = Date.now()): UserStatus {
  if (user.disabled) return 'disabled';
  if (user.lockedUntil && Date.parse(user.lockedUntil) > now) return 'locked';
  return 'active';
}

// 收文批办 (the words of src/workflow/incoming.ts)
export const INCOMING_STATE_LABEL: Record<IncomingState, string> = { registered: '已登记', reviewed: '已初审', returned: '已退回', proposed: '待批示', instructed: '已批示', 'sent-back': '退回拟办', assigned: '已分办', concluded: '已办结', archived: '已归档' };
export const INCOMING_STATE_COLOR: Record<IncomingState, string> = { registered: 'blue', reviewed: 'green', returned: 'default', proposed: 'gold', instructed: 'cyan', 'sent-back': 'orange', assigned: 'purple', concluded: 'success', archived: 'default' };
export const INCOMING_STATES = Object.keys(INCOMING_STATE_LABEL) as IncomingState[];
export const ASSIGNMENT_STATE_LABEL: Record<AssignmentState, string> = { pending: '待承办', accepted: '承办中', replied: '已答复' };
export const ASSIGNMENT_STATE_COLOR: Record<AssignmentState, string> = { pending: 'blue', accepted: 'gold', replied: 'green' };
export const ASSIGNMENT_ROLE_LABEL: Record<AssignmentRole, string> = { lead: '主办', cooperate: '协办' };
export const DEADLINE_SOURCE_LABEL: Record<DeadlineSource, string> = { given: '收文员指定', document: '来文要求', default: '默认办理期限' };
