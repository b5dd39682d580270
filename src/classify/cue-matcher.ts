// Finds many cue words in one pass over a text (Aho–Corasick): the classifiers look for a few
// hundred cues in documents of up to several hundred KB, and one scan per cue would read the
// text hundreds of times. Building is linear in the cues' total length, scanning linear in the
// text (plus the matches reported).
//
// Of overlapping cues only one counts: the longest that ends at a position, and of two that
// overlap the one that starts first (乡村振兴 counts once, not also as 乡村). A cue directly
// followed by an organ's suffix (财政局, 教育部门, 卫生健康委), or a run of cues that is (农业农村局),
// names a unit, not a subject: unit lists in responsibility clauses would otherwise give every
// document every topic.

export interface Cue<T> {
  word: string;
  value: T;
}

export interface CueMatch<T> {
  /** Offset of the cue's first character in the text. */
  start: number;
  end: number;
  value: T;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Index of the longest cue ending at this node (itself or through its failure chain), -1 when none. */
  output: number;
  /** Depth = length of the string the node spells. */
  depth: number;
}

/** Characters after a cue that make it part of an organ's name. */
const ORGAN_SUFFIX = new Set(['局', '厅', '委']);
const ORGAN_WORDS = ['部门', '委员会', '办公室', '管理局', '中心'];

function namesOrgan(text: string, end: number): boolean {
  const ch = text[end];
  if (ch !== undefined && ORGAN_SUFFIX.has(ch)) return true;
  for (const w of ORGAN_WORDS) if (text.startsWith(w, end)) return true;
  return false;
}

export class CueMatcher<T> {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, output: -1, depth: 0 }];
  private readonly cues: Cue<T>[] = [];

  constructor(cues: readonly Cue<T>[]) {
    for (const cue of cues) {
      if (cue.word === '') continue;
      let at = 0;
      for (let i = 0; i < cue.word.length; i++) {
        const c = cue.word.charCodeAt(i);
        let to = this.nodes[at]!.next.get(c);
        if (to === undefined) {
          to = this.nodes.length;
          this.nodes.push({ next: new Map(), fail: 0, output: -1, depth: this.nodes[at]!.depth + 1 });
          this.nodes[at]!.next.set(c, to);
        }
        at = to;
      }
      // The first cue of a word wins; a word listed twice is one cue.
      if (this.nodes[at]!.output === -1) {
        this.nodes[at]!.output = this.cues.length;
        this.cues.push(cue);
      }
    }
    // Failure links breadth first; a node without a cue of its own reports its failure node's.
    const queue: number[] = [];
    for (const to of this.nodes[0]!.next.values()) queue.push(to);
    for (let q = 0; q < queue.length; q++) {
      const id = queue[q]!;
      const node = this.nodes[id]!;
      for (const [c, to] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(c)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(c);
        const child = this.nodes[to]!;
        child.fail = target !== undefined && target !== to ? target : 0;
        if (child.output === -1) child.output = this.nodes[child.fail]!.output;
        queue.push(to);
      }
    }
  }

  /** The root's transitions as a table: most characters of a text start no cue, and this is their path. */
  private rootTable: Int32Array | null = null;

  private root(): Int32Array {
    if (this.rootTable === null) {
      const table = new Int32Array(0x10000);
      for (const [c, to] of this.nodes[0]!.next) table[c] = to;
      this.rootTable = table;
    }
    return this.rootTable;
  }

  /** The cues found in `text`, in text order, overlaps resolved (see the module comment). */
  scan(text: string): CueMatch<T>[] {
    const found: CueMatch<T>[] = [];
    const root = this.root();
    const nodes = this.nodes;
    let at = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      let to: number | undefined;
      while (at !== 0 && (to = nodes[at]!.next.get(c)) === undefined) at = nodes[at]!.fail;
      at = at === 0 ? root[c]! : to!;
      const out = nodes[at]!.output;
      if (out === -1) continue;
      const cue = this.cues[out]!;
      const match = { start: i + 1 - cue.word.length, end: i + 1, value: cue.value };
      // A match that starts no later than earlier ones contains them and replaces them; one that
      // overlaps an earlier one only in part loses to it (the leftmost wins).
      while (found.length > 0 && match.start <= found[found.length - 1]!.start) found.pop();
      const last = found[found.length - 1];
      if (last !== undefined && match.start < last.end) continue;
      found.push(match);
    }
    // An organ's name may be a run of cues (农业农村局 = 农业 + 农村 + 局): the suffix after the
    // last one makes every cue of the run part of the name.
    const organ = new Uint8Array(found.length);
    for (let k = found.length - 1; k >= 0; k--) {
      const m = found[k]!;
      const next = found[k + 1];
      organ[k] = namesOrgan(text, m.end) || (next !== undefined && next.start === m.end && organ[k + 1] === 1) ? 1 : 0;
    }
    return found.filter((_, k) => organ[k] === 0);
  }
}
