// The library's door: pure classifiers import calls on a parsed file before it writes anything.
// secrecy: refuse files that hold state secrets; access: who may read each document;
// topics: the library's topic and 惠企政策 area for each document.
export { findSecrecyMarks, readSlipSecrecy, secrecyRefusal, type SecrecyLevel, type SecrecyMark } from './secrecy.ts';
export { accessOf, documentAccess, findRestrictionMarks, publicityClass, type Access, type AccessDecision, type RestrictionMark } from './access.ts';
export { topicsOf, topicScores, type TopicInput, type TopicReading } from './topics.ts';
export { readPreferential, type PreferentialReading } from './preferential.ts';
export { OTHER_TOPIC, TOPICS, type Topic } from './topic-vocabulary.ts';
