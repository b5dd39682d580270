import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import type { ItemUnitView } from '../../../lib/api-types';
import { UNIT_ROLE_COLOR, UNIT_ROLE_TITLE, UNIT_ROLES } from '../../../lib/labels';

/**
 * An item's units by role. One the directory does not know is red with a warning (the ledger
 * cannot be issued then); signed shows the 签收 mark when the item has been handed out.
 */
export function ItemUnits({ units, signed = false, compact = false }: { units: readonly ItemUnitView[]; signed?: boolean; compact?: boolean }) {
  if (units.length === 0) return <Tag color="error">未定承办单位</Tag>;
  return (
    <div className={compact ? 'sv-units sv-units-compact' : 'sv-units'}>
      {UNIT_ROLES.map((role) => {
        const of = units.filter((u) => u.role === role);
        if (of.length === 0) return null;
        return (
          <div key={role} className="sv-units-row">
            <span className="sv-units-role">{UNIT_ROLE_TITLE[role]}：</span>
            {of.map((u) => (
              <UnitTag key={`${u.role}-${u.name}`} unit={u} signed={signed} />
            ))}
          </div>
        );
      })}
    </div>
  );
}

function UnitTag({ unit, signed }: { unit: ItemUnitView; signed: boolean }) {
  if (unit.canonical === null)
    return (
      <Tooltip title="单位名录中没有这个单位，请改为名录中的名称">
        <Tag color="error" icon={<WarningFilled />} className="sv-unit-unresolved">
          {unit.name}（未匹配）
        </Tag>
      </Tooltip>
    );
  const label = unit.canonical !== unit.name ? `${unit.canonical}` : unit.name;
  return (
    <Tag color={UNIT_ROLE_COLOR[unit.role]} title={unit.canonical !== unit.name ? `原文：${unit.name}` : undefined}>
      {label}
      {signed && (unit.signedAt ? <CheckCircleFilled className="sv-signed" aria-label="已签收" /> : <span className="sv-unsigned">（未签收）</span>)}
    </Tag>
  );
}
