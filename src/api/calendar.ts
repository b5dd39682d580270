// The working-day calendar over HTTP: each year with where its holidays come from (the package's
// official data, a State Council notice an administrator imported, or computed from the 办法 and
// provisional), its holidays and its 调休 working days; and the import of a notice, pasted or as a
// file. Pure: zod only.
import { z } from 'zod';

export const YearSource = z.enum(['official', 'imported', 'provisional']).meta({ description: 'official：随程序发布的国务院安排；imported：管理员导入的通知；provisional：按《全国年节及纪念日放假办法》推算，待通知发布' });

export const CalendarHoliday = z.object({ name: z.string(), days: z.array(z.string()) });
export const CalendarWorkday = z.object({ date: z.string(), name: z.string().meta({ description: '调休上班所属的节日' }) });

export const ImportInfo = z.object({
  id: z.number().int(),
  fileName: z.string().nullable(),
  importedAt: z.string(),
  importedBy: z.string(),
  /** Earlier imports of the year, replaced by this one (kept, not deleted). */
  replacedCount: z.number().int(),
});

export const CalendarYearView = z.object({
  year: z.number().int(),
  source: YearSource,
  holidays: z.array(CalendarHoliday),
  workdays: z.array(CalendarWorkday),
  imported: ImportInfo.nullable(),
});
export type CalendarYearView = z.infer<typeof CalendarYearView>;

export const CalendarYears = z.object({
  years: z.array(CalendarYearView),
  /** The years the package's official data covers. */
  coverage: z.object({ from: z.string(), to: z.string() }),
});

const MAX_NOTICE_CHARS = 50_000;

export const NoticeBody = z
  .object({
    text: z.string().max(MAX_NOTICE_CHARS, '通知文字过长').optional().meta({ description: '粘贴的通知全文' }),
    file: z
      .object({ name: z.string().min(1, '缺少文件名').max(200, '文件名过长'), content: z.string().max(700_000, '文件过大（不能超过 512 KB）').meta({ description: '文件内容，base64' }) })
      .optional()
      .meta({ description: '上传的通知文件（.txt、.docx、.pdf、.ofd 等）' }),
  })
  .refine((b) => (b.text !== undefined && b.text.trim() !== '') !== (b.file !== undefined), '请粘贴通知全文或上传通知文件（二选一）');

export const NoticeResult = z.object({
  year: CalendarYearView,
  /** The import this one replaced, null for the year's first. */
  replaced: z.number().int().nullable(),
  /** The notice says what the import in force already says: nothing was written. */
  unchanged: z.boolean(),
});

/** A refused import: the message, and each problem of the notice when it was read but is wrong. */
export const NoticeError = z.object({ error: z.string(), problems: z.array(z.string()).optional() });
