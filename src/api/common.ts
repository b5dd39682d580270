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

/**
 * A whole number in a query or a path, written as decimal digits only. z.coerce.number() would
 * take what Number() takes — 2e3, 0x10, 1.5, ' 12', '+3' — and so read 0x10 as 16; an address is
 * typed and copied by people, so anything but plain digits (no sign, no leading zero, no spaces)
 * is refused with one Chinese sentence. The bounds are checked after, each with its own sentence.
 */
export function DecimalInt(min: number, max: number) {
  return z
    .string()
    .regex(/^(0|[1-9]\d{0,14})$/, '应为十进制整数（只写数字，如 12）')
    .transform(Number)
    .pipe(z.number().min(min, `不能小于 ${min}`).max(max, `不能大于 ${max}`));
}

/** A row id in a path: digits only (1e3, 0x10 and 007 are not ids). */
export const Id = () =>
  z
    .string()
    .regex(/^[1-9]\d{0,14}$/, '编号应为正整数')
    .transform(Number);
export const IdParams = z.object({ id: Id() });

export const Limit = (max: number, fallback: number) => DecimalInt(1, max).default(fallback);
export const Offset = DecimalInt(0, 100_000).default(0);
/** A year in a query (a filter): four digits within the years the store can hold. */
export const Year = (min: number, max: number) => DecimalInt(min, max).optional();

export const Facet = z.object({ value: z.string(), count: z.number().int() });
export type Facet = z.infer<typeof Facet>;

export function page<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), total: z.number().int() });
}

export const Ok = z.object({ ok: z.literal(true) });
