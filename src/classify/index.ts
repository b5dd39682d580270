// The library's door: pure classifiers import calls on a parsed file before it writes anything.
// secrecy: refuse files that hold state secrets; access: who may read each document;
// topics: the library's topic and 惠企政策 area for each document. The functions at the end are
// what the store calls.
import type { FileKind, ParseResult } from '../types.ts';
import { accessOf as decideAccess, documentAccess as accessOfDocuments } from './access.ts';
import { findSecrecyMarks as secrecyMarks, secrecyRefusal as refusalOf } from './secrecy.ts';
import { topicsOf as readTopics } from './topics.ts';

export { findSecrecyMarks, readSlipSecrecy, secrecyRefusal, type SecrecyLevel, type SecrecyMark } from './secrecy.ts';
export { accessOf, documentAccess, findRestrictionMarks, publicityClass, type Access, type AccessDecision, type RestrictionMark } from './access.ts';
export { topicsOf, topicScores, type TopicInput, type TopicReading } from './topics.ts';
export { readPreferential, type PreferentialReading } from './preferential.ts';
export { OTHER_TOPIC, TOPICS, type Topic } from './topic-vocabulary.ts';

/** What the store keeps of a document's classification. */
export interface DocumentClass {
  access: 'public' | 'internal';
  /** Why, in Chinese, for the reader (公开属性, a 内部 mark, or the kind of file). */
  accessReason: string;
  topic: string;
  topics: string[];
  preferential: boolean;
}

/** Each document of a parsed file, from the whole text (marks above a 版头 are not in the bodies). */
export function classifyFile(text: string, result: ParseResult, bodies: readonly string[]): DocumentClass[] {
  const access = accessOfDocuments(text, result);
  return result.documents.map((doc, k) => {
    const t = readTopics({ title: doc.title, docNumber: doc.docNumber, body: bodies[k] ?? '' });
    return { access: access[k]!.access, accessReason: access[k]!.reason, topic: t.topic, topics: t.topics, preferential: t.preferential };
  });
}

/** A stored document's topics again, from its stored title and body (the index rebuild). */
export function storedTopics(doc: { title: string; docNumber: string | null; body: string }): Pick<DocumentClass, 'topic' | 'topics' | 'preferential'> {
  const t = readTopics(doc);
  return { topic: t.topic, topics: t.topics, preferential: t.preferential };
}

/** A stored document's access from what the store kept of it (publicity, kind of file): for rows written before access was decided at import. */
export function storedAccess(publicity: string | null, fileKind: FileKind): Pick<DocumentClass, 'access' | 'accessReason'> {
  const d = decideAccess({ publicity }, fileKind);
  return { access: d.access, accessReason: d.reason };
}

/** Why a parsed file must not be stored (a 密级 mark), or null: import's refusal. */
export function classifiedRefusal(text: string, result: ParseResult): string | null {
  return refusalOf(secrecyMarks(text, result));
}
