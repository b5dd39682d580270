// Who may do what: the one policy table. The server checks every route against it in one place
// (src/server/plugins/permissions.ts); the web application reads the same table (through
// /api/auth/me's permissions and /api/auth/policy) to hide what a person may not do. Pure data and
// functions: imported by the server and by web/.
//
// A unit user (承办单位) is also bound to one canonical unit of the directory; the workflow's
// unit-scoped permissions (their own unit's items only) build on `unitScoped` below.

export const ROLES = ['admin', 'clerk', 'leader', 'supervisor', 'unit'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  clerk: '收文员',
  leader: '领导',
  supervisor: '督查室',
  unit: '承办单位',
};

/** What each role does, for the README, the sign-in help and the administration page. */
export const ROLE_DUTIES: Record<Role, string> = {
  admin: '管理用户、角色、单位绑定与会话，导入文件与节假日安排通知，维护归档设置，查看审计日志',
  clerk: '导入与登记收到的文件，拟办、传阅收文，查阅政策文件库',
  leader: '查阅政策文件库，批示收文，查看督办台账与进展',
  supervisor: '导入文件，立项交办督办事项，核验办结，审批延期，发出三单一函与通报，导入节假日安排通知',
  unit: '查阅政策文件库，签收、办理本单位的督办事项，报送进展',
};

export const PERMISSIONS = [
  'library.read',
  'library.import',
  'users.manage',
  'sessions.manage',
  'audit.read',
  'account.self',
  'supervision.read',
  'supervision.manage',
  'supervision.act',
  'supervision.rules',
  'calendar.manage',
  'incoming.read',
  'incoming.register',
  'incoming.propose',
  'incoming.instruct',
  'incoming.circulate',
  'incoming.receive',
  'incoming.assign',
  'incoming.handle',
  'incoming.archive',
  'archive.settings',
  'leaders.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

interface PolicyRow {
  label: string;
  roles: readonly Role[];
}

/** The table: permission → the roles that hold it. */
export const POLICY: Record<Permission, PolicyRow> = {
  'library.read': { label: '查阅政策文件库（检索、公文、任免、大事记、单位）', roles: ROLES },
  'library.import': { label: '导入文件', roles: ['admin', 'clerk', 'supervisor'] },
  'users.manage': { label: '管理用户与角色', roles: ['admin'] },
  'sessions.manage': { label: '管理会话（强制下线）', roles: ['admin'] },
  'audit.read': { label: '查看审计日志', roles: ['admin'] },
  'account.self': { label: '修改本人密码', roles: ROLES },
  // A unit user reads only their own unit's items (unitScoped); the others read every item.
  'supervision.read': { label: '查看督办台账与督办事项', roles: ['admin', 'leader', 'supervisor', 'unit'] },
  'supervision.manage': { label: '立项、交办、核验办结、审批延期、终止督办事项', roles: ['supervisor'] },
  'supervision.act': { label: '签收、报送进展、申请办结与延期（本单位事项）', roles: ['unit'] },
  'supervision.rules': { label: '修改督办规则（三单一函、亮灯、红黑榜、考核分值）', roles: ['admin', 'supervisor'] },
  // The calendar counts every deadline of every area: the administrator, and the 督查室 whose notices hang on it.
  'calendar.manage': { label: '导入国务院节假日安排通知（工作日历）', roles: ['admin', 'supervisor'] },
  'incoming.read': { label: '查看收文簿与收文', roles: ['admin', 'clerk', 'leader', 'supervisor'] },
  'incoming.register': { label: '签收登记收文、初审（办件、阅件、退回）', roles: ['admin', 'clerk'] },
  'incoming.propose': { label: '拟办：起草并提交拟办意见', roles: ['clerk'] },
  // Whose turn it is is decided by the document's round of 批示, not by the role alone.
  'incoming.instruct': { label: '批示收文：批示、圈阅、转其他领导、退回拟办', roles: ['leader'] },
  'incoming.circulate': { label: '传阅收文：分送人员或单位、提醒、收回', roles: ['clerk'] },
  // Anyone may be a recipient of a 传阅; each sees only what was sent to them or their unit.
  'incoming.receive': { label: '阅看传阅给本人或本单位的收文', roles: ROLES },
  'incoming.assign': { label: '分办收文：交本机关单位承办、定办理期限、催办、办结', roles: ['clerk'] },
  // A unit sees only what was assigned to its own unit (unitScoped), as with 督办 items.
  'incoming.handle': { label: '承办分办给本单位的收文并答复', roles: ['unit'] },
  'incoming.archive': { label: '归档收文：编归档号、定保管期限，导出归档文件目录', roles: ['clerk'] },
  // The 全宗号 comes from the archives and is set once for the office, like its users and calendar.
  'archive.settings': { label: '维护归档设置（全宗号、全宗名称、机构（问题）、默认保管期限）', roles: ['admin'] },
  'leaders.manage': { label: '维护领导分管表（拟办起草呈阅领导、督办单抄送分管领导）', roles: ['admin'] },
};

/**
 * What a route asks of the caller: a permission of the table, or 'signed-in' (any valid session,
 * e.g. who am I, sign out), or 'public' (sign-in, the public library).
 */
export type Access = Permission | 'signed-in' | 'public';

export interface Principal {
  roles: readonly Role[];
  /** The canonical unit a unit user is bound to. */
  unit: string | null;
}

export function permissionsOf(roles: readonly Role[]): Permission[] {
  return PERMISSIONS.filter((p) => POLICY[p].roles.some((r) => roles.includes(r)));
}

export function allows(principal: Principal, permission: Permission): boolean {
  return POLICY[permission].roles.some((r) => principal.roles.includes(r));
}

/**
 * True when the principal acts for one unit only: a unit user without a role that sees every
 * unit. Unit-scoped data (a unit's tasks and items) is then filtered to `principal.unit`.
 */
export function unitScoped(principal: Principal): boolean {
  return principal.roles.includes('unit') && !principal.roles.some((r) => r === 'admin' || r === 'supervisor' || r === 'leader' || r === 'clerk');
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
