// The item's life as data: which action moves an item from which states to which, and who may
// take it. The commands (src/store/supervision/) look every action up here and nowhere else;
// the role a person must hold is the policy table's business (src/auth/policy.ts), this table
// says which side of the work the action belongs to and, for a unit, which of the item's units.
import { SupervisionError } from './errors.ts';
import { ITEM_STATE_LABELS, type ItemState, type ItemUnit } from './types.ts';

/** Who takes an action: the supervision office, any unit of the item, or the item's lead unit. */
export type Actor = 'office' | 'member' | 'lead';

export type ItemAction = 'edit' | 'split' | 'merge' | 'drop' | 'issue' | 'sign' | 'report' | 'claim' | 'verify' | 'return' | 'extend' | 'decide' | 'terminate';

interface ActionRule {
  label: string;
  from: readonly ItemState[];
  /** The state after the action; null: the state does not change. */
  to: ItemState | null;
  by: Actor;
}

const LIVE: readonly ItemState[] = ['issued', 'working', 'claimed', 'returned'];

export const ITEM_ACTIONS: Record<ItemAction, ActionRule> = {
  edit: { label: '修改', from: ['draft', ...LIVE], to: null, by: 'office' },
  split: { label: '拆分', from: ['draft'], to: null, by: 'office' },
  merge: { label: '合并', from: ['draft'], to: null, by: 'office' },
  drop: { label: '不予立项', from: ['draft'], to: 'dropped', by: 'office' },
  issue: { label: '交办', from: ['draft'], to: 'issued', by: 'office' },
  // 签收 by each unit; the item is 办理中 once its lead (or first) unit has signed.
  sign: { label: '签收', from: ['issued', 'working', 'returned'], to: null, by: 'member' },
  // The first report puts an issued item 办理中 (stateAfterReport); a returned item stays 退回 until claimed again.
  report: { label: '报送进展', from: ['issued', 'working', 'returned'], to: null, by: 'member' },
  claim: { label: '申请办结', from: ['working', 'returned'], to: 'claimed', by: 'lead' },
  verify: { label: '核验办结', from: ['claimed'], to: 'done', by: 'office' },
  return: { label: '退回', from: ['claimed'], to: 'returned', by: 'office' },
  extend: { label: '申请延期', from: ['issued', 'working', 'returned'], to: null, by: 'lead' },
  decide: { label: '审批延期', from: LIVE, to: null, by: 'office' },
  terminate: { label: '终止', from: LIVE, to: 'terminated', by: 'office' },
};

/** Refuses an action the item's state does not allow, saying what the state is. */
export function checkState(action: ItemAction, state: ItemState): void {
  const rule = ITEM_ACTIONS[action];
  if (!rule.from.includes(state)) throw new SupervisionError(`事项当前为“${ITEM_STATE_LABELS[state]}”，不能${rule.label}`, 409);
}

/** The state an action leaves the item in. */
export function stateAfter(action: ItemAction, state: ItemState): ItemState {
  return ITEM_ACTIONS[action].to ?? state;
}

/**
 * The units that lead an item: its 牵头单位, or, where the source names none, its 责任单位 (a
 * measure with only 责任单位 is led by them). Cooperating units never lead.
 */
export function leadUnits(units: readonly ItemUnit[]): ItemUnit[] {
  const leads = units.filter((u) => u.role === 'lead');
  return leads.length > 0 ? leads : units.filter((u) => u.role === 'responsible');
}

/**
 * Checks that a unit user's unit may take the action on an item. `unit` is the canonical unit the
 * person acts for; office actions never reach here with a unit.
 */
export function checkUnit(action: ItemAction, units: readonly ItemUnit[], unit: string | null): ItemUnit {
  const rule = ITEM_ACTIONS[action];
  if (rule.by === 'office') throw new SupervisionError(`${rule.label}由督查室办理`, 403);
  if (unit === null) throw new SupervisionError('您的账户没有绑定单位，不能办理事项', 403);
  const pool = rule.by === 'lead' ? leadUnits(units) : units;
  const mine = pool.find((u) => u.canonical === unit);
  if (mine === undefined) {
    throw new SupervisionError(rule.by === 'lead' ? `${rule.label}由牵头单位提出` : '本单位不是该事项的承办单位', units.some((u) => u.canonical === unit) ? 403 : 404);
  }
  return mine;
}

/** The state after a unit signs: 办理中 once a leading unit has signed. */
export function stateAfterSigning(state: ItemState, units: readonly ItemUnit[]): ItemState {
  if (state !== 'issued') return state;
  return leadUnits(units).some((u) => u.signedAt !== null) ? 'working' : state;
}

/** The state after a unit reports: an issued item is being worked on. */
export function stateAfterReport(state: ItemState): ItemState {
  return state === 'issued' ? 'working' : state;
}
