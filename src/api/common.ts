// Pieces every area's schemas use. The API's shapes are written once, as zod schemas: the server
// validates requests and serializes responses with them, /api/openapi.json is made from them, and
// the web application takes its types from them (web/src/lib/api-types.ts), so the three cannot
// drift apart. Pure: zod only.
import { z } from 'zod';
import { isIsoDate } from '../calendar/iso-date.ts';

export const ErrorBody = z.object({ error: z.string().meta({ description: '给用户看的中文说明' }) });

/** A calendar day that exists (2023-02-30 does not). */
export const IsoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isIsoDate, '日期不存在');

/** A row id in a path: digits only (1e3, 0x10 and 007 are not ids). */
export const IdParams = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, '编号应为正整数')
    .transform(Number),
});

export const Limit = (max: number, fallback: number) => z.coerce.number().int('应为整数').min(1, '至少为 1').max(max, `不能超过 ${max}`).default(fallback);
export const Offset = z.coerce.number().int('应为整数').min(0, '不能为负数').max(100_000, '过大').default(0);

export const Facet = z.object({ value: z.string(), count: z.number().int() });
export type Facet = z.infer<typeof Facet>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });
