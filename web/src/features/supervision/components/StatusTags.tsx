import { Tag, Tooltip } from 'antd';
import type { ItemState, Light } from '../../../lib/api-types';
import { ITEM_STATE_COLOR, ITEM_STATE_LABEL, LIGHT_COLOR, LIGHT_HINT, LIGHT_LABEL } from '../../../lib/labels';

/** 红黄绿灯: a coloured dot with its word, so the colour is never the only sign. */
export function LightDot({ light }: { light: Light | null }) {
  if (!light) return <span className="sv-light sv-light-none">—</span>;
  return (
    <Tooltip title={LIGHT_HINT[light]}>
      <span className={`sv-light sv-light-${light}`}>
        <span className="sv-light-dot" style={{ background: LIGHT_COLOR[light] }} aria-hidden />
        {LIGHT_LABEL[light]}
      </span>
    </Tooltip>
  );
}

export function StateTag({ state }: { state: ItemState }) {
  return <Tag color={ITEM_STATE_COLOR[state]}>{ITEM_STATE_LABEL[state]}</Tag>;
}

/** The state, and 已超期 beside it when an open item is past its deadline (a fact, not a state). */
export function StateTags({ state, overdue }: { state: ItemState; overdue: boolean }) {
  return (
    <span className="sv-tags">
      <StateTag state={state} />
      {overdue && <Tag color="error">已超期</Tag>}
    </span>
  );
}
