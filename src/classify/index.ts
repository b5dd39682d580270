// PROVISIONAL stand-in until the classify branch lands (access, topics, secrecy).
import type { FileKind } from '../types.ts';

export interface DocumentClass {
  access: 'public' | 'internal';
  accessReason: string;
  topic: string | null;
  topics: string[];
  preferential: boolean;
}

export interface ClassifiedText {
  title: string;
  docNumber: string | null;
  body: string;
  publicity: string | null;
}

export function classifyDocument(doc: ClassifiedText, fileKind: FileKind): DocumentClass {
  const p = doc.publicity ?? '';
  const access = /不予公开|依申请公开|内部|不公开/.test(p) ? 'internal' : /公开/.test(p) || fileKind === 'gazette' ? 'public' : 'internal';
  return { access, accessReason: '', topic: null, topics: [], preferential: false };
}

export function classifiedRefusal(): string | null {
  return null;
}
