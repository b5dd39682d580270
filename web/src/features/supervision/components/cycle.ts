import type { ReportCycle } from '../../../lib/api-types';
import { chineseDate } from '../../../lib/format';

/** 报送周期 as an office says it: 每月5日前, 按指定日期报送, 不定期. */
export function cycleLabel(cycle: ReportCycle): string {
  if (cycle.kind === 'monthly') return `每月${cycle.day}日前`;
  if (cycle.kind === 'dates') return cycle.dates.length > 0 ? `按指定日期：${cycle.dates.slice(0, 3).map(chineseDate).join('、')}${cycle.dates.length > 3 ? ` 等 ${cycle.dates.length} 次` : ''}` : '按指定日期';
  return '不定期报送';
}
