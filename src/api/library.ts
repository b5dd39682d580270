// The policy library (政策文件库): documents, their outline and tasks, search, units, personnel
// decisions, the chronicle, and the figures of the home page.
import { z } from 'zod';
import { DecimalInt, Facet, IsoDay, Limit, Offset, page, Year } from './common.ts';
import { isIsoDate } from '../calendar/iso-date.ts';

export const Validity = z.enum(['valid', 'expired', 'repealed', 'pending']).meta({ description: 'valid 现行有效 · expired 已失效 · repealed 已废止 · pending 尚未施行' });
export type Validity = z.infer<typeof Validity>;
export const DocumentAccess = z.enum(['public', 'internal']).meta({ description: 'public 可公开 · internal 仅限登录用户（不予公开、依申请公开、内部，或来源未表明公开）' });

export const DocumentSummary = z.object({
  id: z.number().int(),
  docNumber: z.string().nullable(),
  title: z.string(),
  issuer: z.array(z.string()),
  date: z.string().nullable(),
  kind: z.string().nullable().meta({ description: '文种' }),
  validity: Validity,
  provisional: z.boolean().meta({ description: '标题为暂行、试行' }),
  topic: z.string().nullable(),
  access: DocumentAccess,
  source: z.string().meta({ description: '来源文件名' }),
});
export type DocumentSummary = z.infer<typeof DocumentSummary>;
export const DocumentPage = page(DocumentSummary);

export const LinkView = z.object({
  relation: z.enum(['cites', 'implements', 'repeals', 'continues']),
  docNumber: z.string().nullable(),
  title: z.string().nullable(),
  documentId: z.number().int().nullable().meta({ description: '目标不在库中时为 null' }),
  context: z.string(),
});
export type LinkView = z.infer<typeof LinkView>;

export const DocumentView = DocumentSummary.extend({
  recipients: z.array(z.string()),
  publicity: z.string().nullable(),
  attachments: z.array(z.string()),
  distribution: z.array(z.string()),
  groups: z.array(z.string()),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  validityNote: z.string().nullable(),
  repealedBy: z.array(z.object({ documentId: z.number().int(), docNumber: z.string().nullable(), title: z.string() })),
  topics: z.array(z.string()),
  preferential: z.boolean().meta({ description: '惠企政策' }),
  body: z.string().meta({ description: '正文，按段落分行' }),
  line: z.number().int(),
  endLine: z.number().int(),
  links: z.array(LinkView),
  referencedBy: z.array(LinkView),
});
export type DocumentView = z.infer<typeof DocumentView>;

export interface OutlineNode {
  label: string;
  heading: string;
  line: number;
  children: OutlineNode[];
}
export const OutlineNode: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({ label: z.string(), heading: z.string(), line: z.number().int(), children: z.array(OutlineNode) }),
);

export const UnitRef = z.object({ name: z.string(), canonical: z.string().nullable() });
export const Deadline = z.looseObject({
  kind: z.enum(['date', 'ongoing', 'relative', 'recurring', 'within-year']),
  date: z.string().optional(),
  text: z.string(),
});
export const TaskView = z.object({
  id: z.number().int(),
  text: z.string(),
  path: z.array(z.string()),
  line: z.number().int().nullable(),
  leads: z.array(UnitRef),
  responsible: z.array(UnitRef),
  cooperating: z.array(UnitRef),
  deadline: Deadline.nullable(),
  targets: z.array(z.looseObject({ text: z.string() })),
  /** 责任领导: persons the measure names beside its units, as written. */
  leaders: z.array(z.string()),
  status: z.string(),
});
export type TaskView = z.infer<typeof TaskView>;

export const SearchKind = z.enum(['document', 'task', 'appointment', 'chronicle']);
export const SearchHit = z.object({
  kind: SearchKind,
  id: z.number().int(),
  documentId: z.number().int().nullable(),
  docNumber: z.string().nullable(),
  title: z.string(),
  date: z.string().nullable(),
  score: z.number(),
  snippet: z.string().meta({ description: '已转义的 HTML，命中处以 <mark> 标出' }),
  source: z.string(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchFacets = z.object({
  kind: z.array(Facet),
  issuer: z.array(Facet),
  year: z.array(Facet),
  type: z.array(Facet),
  unit: z.array(Facet),
  validity: z.array(Facet),
  topic: z.array(Facet),
});
export const SearchResult = z.object({
  hits: z.array(SearchHit),
  total: z.number().int().meta({ description: '参与排序的命中数（有上限）' }),
  totalCapped: z.boolean().meta({ description: '为 true 时命中数多于 total' }),
  facets: SearchFacets,
});
export type SearchResult = z.infer<typeof SearchResult>;

const oneOrMany = <T extends z.ZodType>(item: T) => z.union([z.array(item), item.transform((v) => [v])]);

export const SearchQuery = z.object({
  q: z.string().trim().min(1, '请输入检索词').max(200, '检索词过长'),
  kind: oneOrMany(SearchKind).optional(),
  issuer: z.string().max(50).optional(),
  year: Year(1900, 2200),
  type: z.string().max(10).optional(),
  unit: z.string().max(50).optional(),
  validity: Validity.optional(),
  topic: z.string().max(20).optional(),
  asOf: IsoDay.optional(),
  limit: Limit(200, 20),
  offset: DecimalInt(0, 10_000).default(0),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const DocumentsQuery = z.object({
  year: Year(1900, 2200),
  issuer: z.string().max(50).optional(),
  type: z.string().max(10).optional(),
  topic: z.string().max(20).optional(),
  preferential: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  limit: Limit(500, 50),
  offset: Offset,
});

export const Stats = z.object({
  documents: z.number().int(),
  tasks: z.number().int(),
  appointments: z.number().int(),
  chronicle: z.number().int(),
  units: z.number().int(),
  byKind: z.array(Facet),
  byYear: z.array(Facet),
  byIssuer: z.array(Facet),
  byTopic: z.array(Facet),
  latest: z.array(DocumentSummary),
});
export type Stats = z.infer<typeof Stats>;

export const PublicStats = z.object({
  documents: z.number().int(),
  byTopic: z.array(Facet),
  preferential: z.number().int(),
  latest: z.array(DocumentSummary),
});
export type PublicStats = z.infer<typeof PublicStats>;

export const Appointment = z.object({
  id: z.number().int(),
  batch: z.string().nullable(),
  person: z.string(),
  action: z.enum(['appoint', 'remove', 'second']),
  post: z.string(),
  probation: z.boolean(),
  retired: z.string().nullable(),
  years: z.number().nullable(),
  notes: z.array(z.string()),
  source: z.string(),
  documentId: z.number().int().nullable(),
  date: z.string().nullable(),
});
export type Appointment = z.infer<typeof Appointment>;
export const AppointmentsQuery = z.object({ person: z.string().max(20).optional(), post: z.string().max(50).optional(), limit: Limit(1000, 100) });

export const ChronicleEntry = z.object({ id: z.number().int(), date: z.string(), endDate: z.string().nullable(), text: z.string(), source: z.string() });
export type ChronicleEntry = z.infer<typeof ChronicleEntry>;
// A day of one year, or --MM-DD for that day in every year (checked against a leap year, so
// --02-29 is a day and --02-30 is not). One schema, so a bad day gets this message, not a union's.
const ChronicleDay = z
  .string()
  .regex(/^(\d{4}|-)-\d{2}-\d{2}$/, { message: '日期格式应为 YYYY-MM-DD 或 --MM-DD', abort: true })
  .refine((d) => isIsoDate(d.startsWith('--') ? `2000${d.slice(1)}` : d), '日期不存在');
export const ChronicleQuery = z.object({ date: ChronicleDay.optional(), from: IsoDay.optional(), to: IsoDay.optional(), limit: Limit(1000, 100) });

export const DirectoryUnit = z.object({
  name: z.string(),
  aliases: z.array(z.string()),
  jurisdiction: z.string().nullable(),
  category: z.string().nullable().meta({ description: '单位类别：党委工作机关、政府工作部门、事业单位、下级政府……；不在目录中的为 null' }),
  tasks: z.number().int(),
});
export type DirectoryUnit = z.infer<typeof DirectoryUnit>;
export const UnitsQuery = z.object({ q: z.string().max(50).optional(), limit: Limit(2000, 500) });

export const Collective = z.object({ name: z.string(), jurisdiction: z.string(), members: z.array(z.string()) });
export type Collective = z.infer<typeof Collective>;
