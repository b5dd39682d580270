// The head of a government portal's page, copied as text: breadcrumbs (首页 > 政务公开 > …), the
// metadata block of the 政府信息公开 catalogue (索引号, 发布机构, 成文日期, 文号, 主题分类, 有效性 …
// as label/value pairs: one per line, several on a line, or as the cells of a table), the title
// repeated above or inside it (标题：…), 发布时间/来源/浏览次数 lines and the page's furniture
// (【字体：大 中 小】 【打印本页】 【关闭窗口】). None of it is the document's text; the block's values
// stand in for what the text does not print (a 文号 the page shows only in its metadata, the
// 成文日期), and never override what the document itself prints.
import type { TextLine } from '../text/lines.ts';
import { dateLine, dottedDate, findDate } from './dates.ts';
import { normalizeDocNumber, DOC_NUMBER } from './doc-number.ts';

/** Labels of the metadata block, longest first where one ends another (发文字号 before 文号). */
const META_LABELS = [
  '信息索引号', '索引号', '信息分类', '主题分类', '体裁分类', '组配分类', '服务对象', '分类',
  '发布机构', '发文机关', '发文机构', '发文单位', '发布单位', '公开单位', '公开主体',
  '生成日期', '成文日期', '发文日期', '印发日期', '发布日期', '公开日期', '实施日期', '废止日期', '失效日期',
  '发文字号', '文件编号', '文号', '有效性', '效力状态', '时效性', '是否有效',
  '信息名称', '文件名称', '标题', '名称', '主题词', '关键词', '公开方式', '公开范围', '公开时限', '内容概述',
  '政策咨询机关', '政策咨询电话',
];
const META_LABEL = new RegExp(`(${META_LABELS.join('|')})[：:]`, 'g');
const META_START = new RegExp(`^(${META_LABELS.join('|')})[：:]`);

/** Breadcrumbs: 首页 > 政务公开 > …, 您当前的位置：… */
const BREADCRUMB = /^(您?当前(的)?位置|当前所在位置|所在位置|位置)[：:]|^(网站)?首页\s*[>＞»›→/／]/;
/** 发布时间：… 来源：… 浏览次数：… and their kin (the lines between a title and its text). */
export const WEB_META = /^【?\s*(发布时间|发布日期|更新时间|时间|来源|信息来源|文章来源|作者|责任编辑|编辑|浏览次数|点击数|阅读次数|访问量|字体|字号|分享到|打印本页|打印|关闭窗口|关闭|收藏)\s*[：:】]|^【?\s*字体/;
/** One piece of the page's furniture; a line made only of such pieces is furniture. */
const FURNITURE_PIECE = /【?\s*(?:字体[：:]?\s*(?:大|中|小|\s)*|字号[：:]?\s*(?:大|中|小|\s)*|打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏|分享到?|返回顶部|返回|保存|纠错|扫一扫在手机(?:上)?(?:打开|查看)当前页(?:面)?)\s*】?/gy;

/** True for a line made only of the page's furniture (【字体：大 中 小】 【打印本页】 关闭窗口). */
export function isFurniture(text: string): boolean {
  if (text.length > 80) return false;
  FURNITURE_PIECE.lastIndex = 0;
  let at = 0;
  while (at < text.length) {
    if (/[\s|｜·]/.test(text[at]!)) {
      at++;
      continue;
    }
    FURNITURE_PIECE.lastIndex = at;
    const m = FURNITURE_PIECE.exec(text);
    if (m === null || m[0].length === 0) return false;
    at = FURNITURE_PIECE.lastIndex;
  }
  return at > 0;
}

/** The label/value pairs of a metadata line, or null when the line does not open with a label. */
export function metaPairs(text: string): Map<string, string> | null {
  if (!META_START.test(text)) return null;
  const pairs = new Map<string, string>();
  const hits = [...text.matchAll(META_LABEL)];
  for (const [k, m] of hits.entries()) {
    const from = m.index + m[0].length;
    const to = hits[k + 1]?.index ?? text.length;
    const value = text.slice(from, to).replace(/[|｜\s　]+/g, ' ').trim();
    if (!pairs.has(m[1]!)) pairs.set(m[1]!, value);
  }
  return pairs;
}

/** A line of the page's chrome: breadcrumbs, 发布时间/来源 lines, furniture, a metadata line. */
export function isPageChrome(l: TextLine): boolean {
  return BREADCRUMB.test(l.text) || WEB_META.test(l.text) || isFurniture(l.text) || metaPairs(l.text) !== null;
}

/** A line that opens a page rather than closing one: breadcrumbs, metadata, 发布时间 lines (no furniture). */
export function isPageHeadLine(l: TextLine): boolean {
  return BREADCRUMB.test(l.text) || metaPairs(l.text) !== null || (WEB_META.test(l.text) && !isFurniture(l.text));
}

export interface WebHead {
  /** Index of the head's last line (its chrome and metadata), -1 when the text has none. */
  end: number;
  /** Values of the metadata block. */
  title: string | null;
  docNumber: string | null;
  issuer: string | null;
  date: string | null;
}

const NO_VALUE = /^(无|暂无|空|—+|-+|\/)?$/;
const pick = (pairs: Map<string, string>, labels: readonly string[]): string | null => {
  for (const label of labels) {
    const v = pairs.get(label);
    if (v !== undefined && !NO_VALUE.test(v)) return v;
  }
  return null;
};

/** 2025-06-03, 2025年06月03日, 2025/6/3 (a time after it ignored), or null. */
function metaDate(value: string | null): string | null {
  if (value === null) return null;
  const day = value.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/, '').replace(/\s+/g, '');
  return dateLine(day) ?? dottedDate(day) ?? findDate(day)?.iso ?? null;
}

/** How far from the start a page head may reach, and how many title-like lines it may hold. */
const HEAD_REACH = 40;

/**
 * The page head at `from`: the run of chrome, metadata and title lines (a title repeated above
 * its text) that ends with the last chrome line of the run. A text whose top holds no chrome has
 * no page head (end -1).
 */
export function readWebHead(lines: readonly TextLine[], from: number): WebHead {
  const pairs = new Map<string, string>();
  let end = -1;
  let marked = false;
  let loose = 0;
  for (let i = from; i < Math.min(lines.length, from + HEAD_REACH); i++) {
    const l = lines[i]!;
    const meta = metaPairs(l.text);
    if (meta !== null) {
      for (const [k, v] of meta) if (!pairs.has(k) || NO_VALUE.test(pairs.get(k)!)) pairs.set(k, v);
      marked = true;
      end = i;
      continue;
    }
    if (isPageChrome(l)) {
      marked = true;
      end = i;
      loose = 0;
      continue;
    }
    // A title above the block (repeated below it) is part of the head; a sentence is not, and
    // neither are more than a few lines that no chrome follows (the text has begun).
    if (++loose <= 3 && l.text.length <= 80 && !/[。；：:]/.test(l.text) && DOC_NUMBER.exec(l.text) === null) continue;
    break;
  }
  if (!marked) return { end: -1, title: null, docNumber: null, issuer: null, date: null };
  const number = pick(pairs, ['发文字号', '文号', '文件编号']);
  return {
    end,
    title: pick(pairs, ['标题', '信息名称', '文件名称', '名称']),
    docNumber: number === null ? null : DOC_NUMBER.test(number) ? normalizeDocNumber(number) : null,
    issuer: pick(pairs, ['发文机关', '发文单位', '发文机构', '发布机构', '发布单位', '公开单位', '公开主体']),
    date: metaDate(pick(pairs, ['成文日期', '发文日期', '印发日期', '生成日期'])),
  };
}
