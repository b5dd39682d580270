// A government web page → the article: title, 文号 line, body paragraphs and tables, without the
// portal around it (navigation, breadcrumbs, info bars, share and print buttons, related links,
// sidebars, footers, scripts). See docs/decisions.md, "Input formats", for why a content-block choice of
// our own rather than a news-article extractor.
import { NodeType, type HTMLElement } from 'node-html-parser';
import type { ParseWarning } from '../types.ts';
import { decodeHtml } from './charset.ts';

export { decodeHtml };
import { SKIPPED_TAGS, cleanLine, findAll, findFirst, flatText, htmlLines, isElement, isHidden, isLayoutTable, parseHtml, tagOf } from './html-text.ts';

interface Stats {
  chars: number;
  link: number;
  /** Characters of text that reads as prose (has sentence punctuation), outside links. */
  prose: number;
}

const SENTENCE_PUNCT = /[，。；：！？]/;
const SENTENCE_PROSE = /[，。；！？]/;
const countChars = (s: string) => s.replace(/\s+/g, '').length;

/** Characters and link characters under every element, in one pass without recursion. */
function textStats(root: HTMLElement): Map<HTMLElement, Stats> {
  const order: HTMLElement[] = [];
  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    order.push(el);
    for (const c of el.childNodes) if (isElement(c) && !SKIPPED_TAGS.has(tagOf(c)) && !isHidden(c)) stack.push(c);
  }
  const stats = new Map<HTMLElement, Stats>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i]!;
    const s: Stats = { chars: 0, link: 0, prose: 0 };
    for (const c of el.childNodes) {
      if (c.nodeType === NodeType.TEXT_NODE) {
        const text = c.text;
        const n = countChars(text);
        s.chars += n;
        // Labels and lists (主办：… 承办：…, 首页 > 政务公开) count for little against sentences.
        s.prose += SENTENCE_PROSE.test(text) ? n : n * 0.2;
      } else if (isElement(c)) {
        const cs = stats.get(c);
        if (cs) {
          s.chars += cs.chars;
          s.link += cs.link;
          s.prose += cs.prose;
        }
      }
    }
    if (tagOf(el) === 'a') {
      s.link = s.chars;
      s.prose = 0;
    }
    stats.set(el, s);
  }
  return stats;
}

/** Class and id words that portals give to what is not the article. */
const NOISE_WORD =
  /^(nav|navbar|navigation|menu|menus|header|head|top|topbar|toolbar|tools|footer|foot|bottom|copyright|breadcrumb|breadcrumbs|crumb|crumbs|position|location|dqwz|share|bdshare|bdsharebuttonbox|jiathis|sidebar|side|aside|related|xgwj|xgxx|xglj|comment|comments|print|search|login|logo|banner|qrcode|ewm|fontsize|zihao|pager|pagination|prev|next|ad|ads)$/i;

function hasNoiseName(el: HTMLElement): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`.split(/[\s_-]+/);
  return names.some((n) => NOISE_WORD.test(n));
}

const NOISE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

/** Lines of the portal's info bar and buttons that sit inside the article block on many sites. */
const NOISE_LINE =
  /(发布时间|发布日期|浏览次数|点击数|阅读次数|访问次数|浏览量)\s*[：:]|^(来源|信息来源|作者|编辑|责任编辑|审核|校对|供稿)\s*[：:]|【\s*(字体|打印|关闭|大|中|小|收藏)|^分享到|^(上一篇|下一篇)\s*[：:]|^(打印本页|关闭窗口|返回顶部)/;

/** True for an element that is navigation or chrome: by tag or class name while small, or mostly links. */
function isNoise(el: HTMLElement, s: Stats, total: Stats): boolean {
  if (s.chars === 0) return false;
  // A footer can hold as much text as a short notice, but not its sentences; an article block
  // that a site happens to call "top" or "side" holds most of the page's prose and stays.
  const minor = s.prose < 0.3 * total.prose || (s.prose < 0.3 * s.chars && s.prose < 0.5 * total.prose);
  if (minor && (NOISE_TAGS.has(tagOf(el)) || hasNoiseName(el))) return true;
  // A block of links (menus, lists of related files); attachments are links too and are kept.
  if (s.link / s.chars > 0.6 && s.chars - s.link < 200 && !/附\s*件/.test(flatText(el, 40, 200))) {
    return ['ul', 'ol', 'div', 'table', 'p', 'dl', 'section', 'span', 'td', 'li', 'tr', 'tbody'].includes(tagOf(el));
  }
  return false;
}

function prune(root: HTMLElement): void {
  const stats = textStats(root);
  const total = stats.get(root) ?? { chars: 0, link: 0, prose: 0 };
  const stack: HTMLElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    for (const c of [...el.childNodes]) {
      if (!isElement(c)) continue;
      const s = stats.get(c);
      if (s === undefined || SKIPPED_TAGS.has(tagOf(c))) c.remove();
      else if (isNoise(c, s, total)) c.remove();
      else stack.push(c);
    }
  }
}

/** The element holding the article: from the body down, into the child that holds most of the prose. */
function contentBlock(root: HTMLElement): HTMLElement {
  const stats = textStats(root);
  const prose = (el: HTMLElement) => stats.get(el)?.prose ?? 0;
  let at = findFirst(root, new Set(['body'])) ?? root;
  for (;;) {
    let best: HTMLElement | null = null;
    for (const c of at.childNodes) if (isElement(c) && (best === null || prose(c) > prose(best))) best = c;
    // A paragraph, or a data table, holding most of the prose is part of the article, not its block.
    if (best === null || prose(best) < 0.7 * prose(at) || tagOf(best) === 'p' || (tagOf(best) === 'table' && !isLayoutTable(best))) return at;
    at = best;
  }
}

const squash = (s: string) => s.replace(/[\s\u3000]+/g, '').replace(/[［[]/g, '〔').replace(/[］\]]/g, '〕');

interface PageMeta {
  title: string | null;
  docNumber: string | null;
  date: string | null;
}

const LABEL_TAGS = new Set(['td', 'th', 'dt', 'dd', 'span', 'li', 'p', 'div', 'label', 'b', 'strong', 'em', 'font']);

/** A label cell or span (发文字号：, 成文日期：) and the value next to it or after the colon. */
function labelled(root: HTMLElement, label: RegExp): string | null {
  for (const el of findAll(root, LABEL_TAGS)) {
    if (el.childNodes.length > 4) continue;
    const text = cleanLine(flatText(el, 400, 60));
    if (text.length > 120) continue;
    const m = label.exec(text.replace(/[\s\u3000]+/g, ''));
    if (!m) continue;
    const after = m[1]?.trim() ?? '';
    if (after !== '') return after;
    const next = el.nextElementSibling;
    const value = next ? cleanLine(flatText(next, 400, 60)) : '';
    if (value !== '' && value.length <= 120) return value;
  }
  return null;
}

function pageMeta(root: HTMLElement): PageMeta {
  const meta = (name: string) => {
    for (const m of findAll(root, new Set(['meta']))) {
      const key = (m.getAttribute('name') ?? m.getAttribute('property') ?? '').toLowerCase();
      if (key === name) return cleanLine(m.getAttribute('content') ?? '') || null;
    }
    return null;
  };
  let title = meta('articletitle');
  if (title === null) {
    for (const h of findAll(root, new Set(['h1', 'h2']))) {
      const t = cleanLine(flatText(h, 400, 200));
      if (t.length >= 6 && t.length <= 200 && findFirst(h, new Set(['a'])) === null) {
        title = t;
        break;
      }
    }
  }
  if (title === null) {
    // 标题_栏目_网站 or 标题-青山市人民政府: cut the site's name, but not a hyphen inside the title (2024-2026年).
    const titleEl = findFirst(root, new Set(['title']));
    const t = cleanLine(titleEl ? flatText(titleEl, 400, 200) : '')
      .split(/\s*[_|｜]\s*/)[0]!
      .replace(/\s*[-–—]+\s*[^-–—]{2,30}(政府|网站|门户|网|平台)$/, '');
    if (t.length >= 6) title = t;
  }
  const number = labelled(root, /^(?:发文字号|文号)[：:]?(.*)$/);
  const date = labelled(root, /^(?:成文日期|成文时间)[：:]?(.*)$/);
  return {
    title,
    docNumber: number !== null && /[〔［[（(]\s*\d{4}\s*[〕］\])）]|\d+\s*号/.test(number) ? number : null,
    date: date !== null && /^\d{4}\s*[年.\-/]\s*\d{1,2}\s*[月.\-/]\s*\d{1,2}\s*日?$/.test(date) ? date : null,
  };
}

const DATE_LINE = /^(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*[\d〇○零一二三四五六七八九十]{1,3}\s*月\s*[\d〇○零一二三四五六七八九十]{1,3}\s*日$/;

/** Date as the documents print it: 2024年3月18日. */
function printedDate(date: string): string {
  const [y, m, d] = date.match(/\d+/g)!;
  return `${y}年${Number(m)}月${Number(d)}日`;
}

export interface HtmlArticle {
  lines: string[];
  warnings: ParseWarning[];
}

/** The article of a page as lines, with the title, 文号 and date the portal prints outside it put back. */
export function extractArticle(html: string): HtmlArticle {
  const warnings: ParseWarning[] = [];
  const root = parseHtml(html);
  const meta = pageMeta(root);
  prune(root);
  const block = contentBlock(root);
  let lines = htmlLines(block).filter((l) => !(l.length <= 80 && NOISE_LINE.test(l)));

  const prose = lines.filter((l) => SENTENCE_PUNCT.test(l)).reduce((n, l) => n + l.length, 0);
  if (prose < 20) {
    warnings.push({ code: 'html-no-article', message: '网页中没有找到正文（只有导航、链接或很少的文字）' });
    return { lines: [], warnings };
  }

  const added: string[] = [];
  const headText = squash(lines.slice(0, 8).join(''));
  let titleEnd = 0;
  if (meta.title !== null) {
    const t = squash(meta.title);
    if (headText.includes(t)) {
      // The title is printed in the block; find the line where it ends so the 文号 can follow it.
      let acc = '';
      for (let i = 0; i < Math.min(lines.length, 8); i++) {
        acc += squash(lines[i]!);
        if (acc.includes(t)) {
          titleEnd = i + 1;
          break;
        }
      }
    } else {
      lines = [meta.title, ...lines];
      titleEnd = 1;
      added.push('标题');
    }
  }
  if (meta.docNumber !== null && !squash(lines.slice(0, 20).join('')).includes(squash(meta.docNumber))) {
    lines.splice(titleEnd, 0, meta.docNumber);
    added.push(`文号 ${meta.docNumber}`);
  }
  if (meta.date !== null && !lines.some((l) => DATE_LINE.test(l.replace(/\s+/g, '')))) {
    lines.push(printedDate(meta.date));
    added.push(`成文日期 ${meta.date}`);
  }
  if (added.some((a) => a !== '标题')) {
    warnings.push({ code: 'html-metadata', message: `正文中缺少的${added.filter((a) => a !== '标题').join('、')}已从网页信息栏补入` });
  }
  return { lines, warnings };
}

export function readHtml(bytes: Uint8Array): { text: string; warnings: ParseWarning[] } {
  const decoded = decodeHtml(bytes);
  const article = extractArticle(decoded.text);
  return { text: article.lines.join('\n'), warnings: [...decoded.warnings, ...article.warnings] };
}
