// A filed registration's 归档 record and the 保管期限, apart from the rest of 归档's shapes so that
// the registration's view (incoming.ts) can carry the record. Pure: zod only.
import { z } from 'zod';

export const Retention = z.enum(['永久', '30年', '10年']).meta({ description: '保管期限：永久、30年、10年（档号中为 Y、D30、D10）' });

export const ArchiveRecordView = z.object({
  code: z.string().meta({ description: '档号（归档号），如 X001-WS·2026-D30-0012' }),
  fondsCode: z.string().meta({ description: '全宗号' }),
  year: z.number().int().meta({ description: '年度（成文日期所在年，无成文日期时为收文年）' }),
  retention: Retention,
  unitCode: z.string().nullable().meta({ description: '机构（问题）代码；本机关不设此级时为 null' }),
  item: z.number().int().meta({ description: '件号' }),
  responsible: z.string().nullable().meta({ description: '责任者（来文单位）' }),
  docNumber: z.string().nullable(),
  title: z.string(),
  date: z.string().meta({ description: '日期（YYYY-MM-DD）' }),
  secrecy: z.string().nullable(),
  pages: z.number().int().nullable(),
  note: z.string().nullable(),
  archivedAt: z.string(),
  archivedBy: z.string(),
});

