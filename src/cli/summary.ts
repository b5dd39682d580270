// The human-readable summary `duban parse FILE` prints without --json.
import type { ParseResult } from '../types.ts';

const KIND_NAME: Record<ParseResult['kind'], string> = {
  gazette: '公报',
  compilation: '汇编',
  document: '单份公文',
  'routed-document': '带批办单的收文',
};

export function summarize(r: ParseResult): string {
  const out: string[] = [];
  out.push(`${r.source}：${KIND_NAME[r.kind]}`);
  if (r.issue) {
    const i = r.issue;
    out.push(`  ${i.title} ${i.year ?? '?'}年第${i.number ?? '?'}期（总第${i.cumulative ?? '?'}期）${i.printed ? ` 印刷日期 ${i.printed}` : ''}${i.publisher ? ` 主办 ${i.publisher}` : ''}`);
    out.push(`  目录 ${i.toc.length} 条`);
  }
  if (r.routingSlip) {
    const s = r.routingSlip;
    out.push(`  批办单 ${s.serial ?? ''} 来文 ${s.fromUnit ?? '?'} ${s.receivedOn ?? ''}`);
    if (s.proposal?.lead) out.push(`    拟办：${s.proposal.lead}牵头${s.proposal.cooperating.length ? `，${s.proposal.cooperating.length} 个单位配合` : ''}`);
    if (s.plan) out.push(`    按任务对应到${s.plan.receiver}：${s.plan.units.join('、')}${s.plan.unmapped.length ? `（另有 ${s.plan.unmapped.length} 个来文单位无对应，待分办）` : ''}`);
  }
  out.push(`  公文 ${r.documents.length} 份`);
  for (const d of r.documents) {
    const tasks = (d.tasks.length ? `，任务 ${d.tasks.length} 项` : '') + (d.duties.length ? `，职责 ${d.duties.length} 条` : '');
    out.push(`    ${d.docNumber ?? '（无文号）'}  ${d.date ?? '（无日期）'}  ${d.title || '（无标题）'}  [${d.issuer.join('、')}]${tasks}`);
  }
  if (r.appointments.length) out.push(`  人事任免 ${r.appointments.length} 条`);
  if (r.chronicle.length) out.push(`  大事记 ${r.chronicle.length} 条（${r.chronicle[0]!.date} 至 ${r.chronicle[r.chronicle.length - 1]!.endDate ?? r.chronicle[r.chronicle.length - 1]!.date}）`);
  if (r.warnings.length) {
    out.push(`  提示 ${r.warnings.length} 条：`);
    for (const w of r.warnings.slice(0, 20)) out.push(`    [${w.code}]${w.line ? ` 第${w.line}行` : ''} ${w.message}`);
    if (r.warnings.length > 20) out.push(`    …另有 ${r.warnings.length - 20} 条，用 --json 查看全部`);
  }
  return `${out.join('\n')}\n`;
}
