// 发文机关: read from the title (the part before 关于), from the issuer mark (XX文件) or the
// signature. Joint documents name several organs in one run of text; they are split where one
// organ's name ends and the next one's begins.
import { regionPrefix } from '../directory/regions.ts';

/** Endings of organ names, longest first. */
const ORGAN_ENDINGS = [
  '人民政府办公室', '人民政府办公厅', '行政公署办公室', '人民政府', '行政公署', '管理委员会', '人大常委会',
  '委员会', '办公室', '办公厅', '军分区', '管委会', '警备区', '总队', '支队', '军区', '党组', '党委',
  '政府', '公署', '中心', '公司', '法院', '检察院', '局', '厅', '委', '部', '院', '会', '署', '办', '所', '社', '行', '队',
];
/** Words an organ's name may start with besides a division name. */
const ORGAN_STARTS = /^(中国|中共|中央|国务院|国家|全国|共青团|人民银行|国网|驻|自治区|省|市|县|旗|区|盟)/;

export function endsLikeOrgan(text: string): boolean {
  return ORGAN_ENDINGS.some((e) => text.endsWith(e));
}

export function startsLikeOrgan(text: string): boolean {
  return regionPrefix(text) !== null || ORGAN_STARTS.test(text);
}

/**
 * Splits a run of organ names: 内蒙古兴安盟行政公署中国人民解放军内蒙古兴安军分区 → two organs.
 * A split is made only where the left part ends like an organ and the right part starts like one,
 * so 中共通辽市委员会办公室 and 通辽市人民政府办公室 stay whole.
 */
export function splitIssuers(run: string): string[] {
  const text = run.replace(/[\s、，,]+/g, '');
  if (text.length === 0) return [];
  const out: string[] = [];
  let from = 0;
  for (let k = from + 4; k <= text.length - 4; k++) {
    const left = text.slice(from, k);
    const right = text.slice(k);
    if (endsLikeOrgan(left) && startsLikeOrgan(right) && endsLikeOrgan(right) && !/^(办公|委员|人民)/.test(right)) {
      out.push(left);
      from = k;
      k = from + 3;
    }
  }
  out.push(text.slice(from));
  return out;
}

/** The issuer named at the head of a title (before 关于), split into organs; null when the title has none. */
export function issuersFromTitle(title: string): string[] | null {
  const at = title.indexOf('关于');
  if (at < 2) return null;
  const head = title.slice(0, at);
  // 联合 / 印发 titles sometimes put a verb before 关于; keep only what reads as organs.
  if (!endsLikeOrgan(head) || /[《》“”〈〉]/.test(head)) return null;
  return splitIssuers(head);
}

/** The issuer mark of a document head (中共通辽市委员会文件 → 中共通辽市委员会), or null. */
export function issuerFromMark(text: string): string | null {
  const m = /^(.{3,40}?)(文件|文电|函件)$/.exec(text);
  if (!m || /[，。；：、]/.test(m[1]!)) return null;
  return endsLikeOrgan(m[1]!) ? m[1]! : null;
}
