// The shapes of 归档: a filed registration's record (on the registration's view and in the list of
// filed ones), the filing request, the registrations ready to file, and the office's settings.
// Pure: zod only.
import { z } from 'zod';
import { ArchiveRecordView, Retention } from './archive-record.ts';
import { DecimalInt, Limit, Offset, page, Year } from './common.ts';
import { IncomingView } from './incoming.ts';

export { ArchiveRecordView, Retention };

export const ArchivedItem = ArchiveRecordView.extend({ incomingId: z.number().int(), serial: z.string().meta({ description: '运转号' }) });
export const ArchivedPage = page(ArchivedItem);

export const ArchiveBody = z.object({
  retention: Retention.nullable().optional().meta({ description: '不填时按归档设置的默认保管期限' }),
  unit: z.string().max(40).nullable().optional().meta({ description: '机构（问题）代码或名称；设置了机构（问题）时必填' }),
  pages: z.number().int('页数应为整数').min(1, '页数至少为 1').max(100_000, '页数过大').nullable().optional(),
  note: z.string().max(500, '备注不能超过 500 字').nullable().optional(),
  version: z.number().int().optional().meta({ description: '调用方看到的版本；已被他人修改时拒绝（409）' }),
});

export const ArchiveQuery = z.object({
  year: Year(1949, 2200),
  retention: Retention.optional(),
  limit: Limit(1000, 100),
  offset: Offset,
});

export const CatalogueQuery = z.object({
  year: DecimalInt(1949, 2200),
  retention: Retention.optional(),
});

const ArchiveUnit = z.object({ code: z.string().max(8), name: z.string().max(40) });
const Defaults = z.object({ 办件: Retention, 阅件: Retention, 退回: Retention });

export const ArchiveSettingsBody = z.object({
  fondsCode: z.string().max(10, '全宗号不能超过 10 位').meta({ description: '全宗号，如 X001' }),
  fondsName: z.string().max(100, '全宗名称不能超过 100 字'),
  units: z.array(ArchiveUnit).max(100).default([]).meta({ description: '机构（问题）分类；空表示不设此级' }),
  defaults: Defaults.meta({ description: '默认保管期限：办件、阅件、退回件' }),
});

export const ArchiveSettingsView = z.object({
  settings: ArchiveSettingsBody.extend({ id: z.number().int(), setAt: z.string(), setBy: z.string() }).nullable().meta({ description: '尚未设置时为 null' }),
  defaults: Defaults.meta({ description: '未设置时使用的默认保管期限' }),
});

export const ReadyList = z.object({
  items: z.array(z.object({ incoming: IncomingView, retention: Retention.meta({ description: '建议的保管期限' }), year: z.number().int().meta({ description: '将归入的年度' }) })),
});
