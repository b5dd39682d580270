// References from one document to others, read from its text: 《title》 and 发文字号, with what
// the sentence does with them. Pure: text in, references out; the store resolves them.
//
//   repeals    the clause says 废止 / 停止执行 / 同时失效 (…（通政办字〔2007〕62号）同时废止)
//   continues  the clause says 继续执行 / 继续有效
//   implements the clause says 贯彻 / 落实 / 实施 before the reference (为贯彻落实《X》…), or the
//              title forwards or implements it (关于转发《X》的通知, 贯彻落实《X》的实施意见)
//   cites      any other reference
import { DOC_NUMBER, formatDocNumber } from '../parse/doc-number.ts';
import { isHan } from '../text/chars.ts';

export type LinkRelation = 'cites' | 'implements' | 'repeals' | 'continues';

export interface DocumentReference {
  relation: LinkRelation;
  /** Document number in the contract's form (〔〕, no spaces), when the text gives one. */
  docNumber: string | null;
  /** Title inside 《》, when the text gives one. */
  title: string | null;
  /** The clause the reference stands in, for a reader to check. */
  context: string;
}

/** A title reduced to its letters: what two spellings of one title share (punctuation, brackets and spaces differ). */
export function titleKey(title: string): string {
  let out = '';
  for (const ch of title) if (isHan(ch) || /[0-9A-Za-z]/.test(ch)) out += ch;
  return out;
}

/**
 * The title of the text a cover notice issues or forwards: 关于印发《X》的通知 → X, and the
 * same without 《》 (关于印发X的通知). Null for other titles.
 */
export function issuedTitle(title: string): string | null {
  const quoted = /(?:印发|转发|颁布|发布)《(.+)》(?:的)?(?:通知|函|决定)?$/.exec(title);
  if (quoted) return quoted[1]!;
  const bare = /(?:印发|转发|颁布)(.+?)的(?:通知|函)$/.exec(title);
  return bare ? bare[1]! : null;
}

// The relation word stands right after the reference (…（通政办字〔2007〕62号）同时废止; a list
// closes with 等: 《A》、《B》等文件同时废止) or right before it (废止《X》). A 废止 elsewhere in the
// sentence is about something else (形成…继续有效、废止、失效的处理意见).
const AFTER_GAP = '^[）)\\s、》]*(?:等[^，。；]{0,8})?';
const REPEALS_AFTER = new RegExp(`${AFTER_GAP}(?:同时|予以|一并|即行|自行)?(?:废止|停止执行|失效|不再执行)`);
const REPEALS_BEFORE = /(?:废止|停止执行)[^，。；]{0,4}$/;
const CONTINUES_AFTER = new RegExp(`${AFTER_GAP}(?:继续执行|继续有效)`);
const IMPLEMENTS = /贯彻|落实|实施/;
/** A document number with the loose brackets the parser accepts. */
const DOC_NUMBER_ALL = new RegExp(DOC_NUMBER.source, 'g');

/** Sentences, each a separate scope for the relation words. */
function sentences(text: string): string[] {
  return text.split(/[。；;\n]/).filter((s) => s.trim() !== '');
}

interface Found {
  at: number;
  end: number;
  title: string | null;
  docNumber: string | null;
}

/** 《…》 spans of a sentence, nested 〈〉 kept inside the title. Unclosed 《 is ignored. */
function titleSpans(s: string): Found[] {
  const out: Found[] = [];
  let open = -1;
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '《') {
      if (depth === 0) open = i;
      depth++;
    } else if (ch === '》' && depth > 0) {
      depth--;
      if (depth === 0) out.push({ at: open, end: i + 1, title: s.slice(open + 1, i).replace(/\s+/g, ''), docNumber: null });
    }
  }
  return out;
}

function referencesInSentence(s: string): Found[] {
  const titles = titleSpans(s);
  const found = [...titles];
  for (const m of s.matchAll(DOC_NUMBER_ALL)) {
    // The code is the Han run before the bracket; text stuck to its front (…的通知（通政办发) is
    // cut at the last bracket or punctuation, which the pattern cannot see.
    const docNumber = formatDocNumber(m[1]!, m[2]!, m[3]!);
    const at = m.index;
    const end = at + m[0].length;
    if (titles.some((t) => at >= t.at && end <= t.end)) continue; // a number inside a title
    // 《X》（文号） is one reference.
    const before = titles.find((t) => t.docNumber === null && /^[（(]?\s*$/.test(s.slice(t.end, at)));
    if (before) {
      before.docNumber = docNumber;
      before.end = end;
    } else found.push({ at, end, title: null, docNumber });
  }
  return found.sort((a, b) => a.at - b.at);
}

function relationOf(sentence: string, ref: Found): LinkRelation {
  // Later references of a list are skipped over: 《A》、《B》等同时废止 repeals A too.
  const after = sentence.slice(ref.end).replace(/《[^》]*》|[（(][^（）()]{0,30}号[）)]/g, '');
  if (REPEALS_AFTER.test(after) || REPEALS_BEFORE.test(sentence.slice(0, ref.at))) return 'repeals';
  if (CONTINUES_AFTER.test(after)) return 'continues';
  // Only the clause the reference stands in: 为贯彻落实《A》、《B》… governs all its titles.
  const clauseStart = Math.max(sentence.lastIndexOf('，', ref.at), sentence.lastIndexOf(',', ref.at));
  if (IMPLEMENTS.test(sentence.slice(clauseStart + 1, ref.at))) return 'implements';
  return 'cites';
}

export interface ReferenceSource {
  docNumber: string | null;
  title: string;
  body: string;
}

/** The references a document makes to other documents, each once (the strongest relation wins). */
export function extractReferences(doc: ReferenceSource): DocumentReference[] {
  const ownKeys = new Set([titleKey(doc.title)]);
  const issued = issuedTitle(doc.title);
  if (issued !== null) ownKeys.add(titleKey(issued));

  const out: DocumentReference[] = [];
  const seen = new Map<string, DocumentReference>();
  const rank: Record<LinkRelation, number> = { cites: 0, implements: 1, continues: 2, repeals: 3 };
  const add = (ref: DocumentReference) => {
    if (ref.docNumber !== null && ref.docNumber === doc.docNumber) return;
    if (ref.title !== null && ownKeys.has(titleKey(ref.title)) && ref.docNumber === null) return;
    const key = ref.docNumber ?? `《${titleKey(ref.title ?? '')}》`;
    const prior = seen.get(key);
    if (prior) {
      if (rank[ref.relation] > rank[prior.relation]) {
        prior.relation = ref.relation;
        prior.context = ref.context;
      }
      prior.title ??= ref.title;
      return;
    }
    seen.set(key, ref);
    out.push(ref);
  };

  // The title: 转发《X》 and 贯彻落实《X》 implement X; 印发《X》 issues the document's own text.
  const forwarded = /(?:转发|贯彻落实|贯彻|落实)《(.+?)》/.exec(doc.title);
  if (forwarded) add({ relation: 'implements', docNumber: null, title: forwarded[1]!, context: doc.title });

  for (const s of sentences(doc.body)) {
    for (const ref of referencesInSentence(s)) {
      if (ref.title !== null && titleKey(ref.title) === '') continue;
      add({ relation: relationOf(s, ref), docNumber: ref.docNumber, title: ref.title, context: s.trim().slice(0, 300) });
    }
  }
  return out;
}
