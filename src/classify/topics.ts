// 主题分类: the topics of a document, derived from its text, for the public policy library
// (classified by topic, with a 惠企政策 area). How and why, with the measured figures, is in
// docs/decisions.md ("Topics").
//
// Each topic's cues (topic-vocabulary.ts) are counted in one scan of the title and one of the
// body. A title says what the document is about, so its cues weigh TITLE_WEIGHT times a body's;
// the body's weighted count is taken per thousand characters, so a long plan that mentions a
// subject in passing does not outweigh a short notice that is about it.
import { CueMatcher } from './cue-matcher.ts';
import { readPreferential } from './preferential.ts';
import { NUMBER_CUES, OTHER_TOPIC, TITLE_ACTS, TOPICS } from './topic-vocabulary.ts';

export interface TopicInput {
  title: string;
  docNumber: string | null;
  body: string;
}

export interface TopicReading {
  /** The primary topic (其他 when no topic's cues are found). */
  topic: string;
  /** Ranked, primary first, at most MAX_TOPICS. */
  topics: string[];
  /** 惠企政策: measures that give enterprises money or relief (see preferential.ts). */
  preferential: boolean;
}

/** How much a cue in the title weighs against one in a thousand characters of body. */
const TITLE_WEIGHT = 3;
/** Bodies shorter than this count as this long: a three-line notice is not a dense essay. */
const MIN_BODY = 1_500;
/** A topic below this score is no topic of the document. */
const MIN_SCORE = 3;
/** A further topic must reach this share of the primary topic's score. */
const SECONDARY_SHARE = 0.45;
const MAX_TOPICS = 3;

const matcher = new CueMatcher<{ topic: number; weight: number }>(
  TOPICS.flatMap((t, topic) => Object.entries(t.cues).map(([word, weight]) => ({ word, value: { topic, weight } }))),
);

function weigh(text: string): Float64Array {
  const sums = new Float64Array(TOPICS.length);
  for (const m of matcher.scan(text)) sums[m.value.topic]! += m.value.weight;
  return sums;
}

function topicIndex(label: string): number {
  const k = TOPICS.findIndex((t) => t.label === label);
  if (k < 0) throw new Error(`topic-vocabulary: unknown topic ${label}`);
  return k;
}

interface Scored {
  scores: number[];
  /** The topic a title act decides, or null. */
  decided: number | null;
}

function score(doc: TopicInput): Scored {
  const title = weigh(doc.title);
  const body = weigh(doc.body);
  const perThousand = 1_000 / Math.max(doc.body.length, MIN_BODY);
  const scores = TOPICS.map((_, k) => TITLE_WEIGHT * title[k]! + body[k]! * perThousand);
  let decided: number | null = null;
  for (const act of TITLE_ACTS) {
    if (!act.pattern.test(doc.title)) continue;
    const k = topicIndex(act.topic);
    scores[k]! += TITLE_WEIGHT * act.weight;
    if (act.decides && decided === null) decided = k;
  }
  if (doc.docNumber !== null) for (const cue of NUMBER_CUES) if (cue.pattern.test(doc.docNumber)) scores[topicIndex(cue.topic)]! += TITLE_WEIGHT * cue.weight;
  return { scores, decided };
}

/** Every topic's score for the document, in the order of TOPICS (for tests and for tuning). */
export function topicScores(doc: TopicInput): number[] {
  return score(doc).scores;
}

export function topicsOf(doc: TopicInput): TopicReading {
  const { scores, decided } = score(doc);
  // A decided topic ranks first: it scores as the best topic does.
  if (decided !== null) scores[decided] = Math.max(scores[decided]!, MIN_SCORE, ...scores);
  const ranked = scores
    .map((value, k) => ({ label: TOPICS[k]!.label, value, decided: k === decided }))
    .filter((t) => t.value >= MIN_SCORE)
    .sort((a, b) => b.value - a.value || Number(b.decided) - Number(a.decided));
  const best = ranked[0];
  const topics =
    best === undefined
      ? [OTHER_TOPIC]
      : ranked
          .filter((t) => t.value >= best.value * SECONDARY_SHARE)
          .slice(0, MAX_TOPICS)
          .map((t) => t.label);
  return { topic: topics[0]!, topics, preferential: readPreferential(doc.title, doc.body).preferential };
}
