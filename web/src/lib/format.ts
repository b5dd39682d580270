// Dates as Chinese offices write them. Instants from the server are UTC; people read them in
// Beijing time whatever the browser's own zone is.

const beijing = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** An ISO instant as `YYYY-MM-DD HH:mm:ss` in Beijing time; '—' when absent or unreadable. */
export function beijingTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return iso;
  const parts: Record<string, string> = {};
  for (const p of beijing.formatToParts(t)) parts[p.type] = p.value;
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The calendar day (YYYY-MM-DD) that it is now in Beijing. */
export function beijingToday(now = Date.now()): string {
  return beijingTime(new Date(now).toISOString()).slice(0, 10);
}

/** `2023-11-27` → `2023年11月27日`, the way documents date themselves. */
export function chineseDate(day: string | null | undefined): string {
  if (!day) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return day;
  return `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
}

/** `2023-11` → `2023年11月`. */
export function chineseMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

export function lineRange(line: number | null | undefined, endLine: number | null | undefined): string | null {
  if (line === null || line === undefined) return null;
  return endLine && endLine !== line ? `第 ${line}–${endLine} 行` : `第 ${line} 行`;
}

/** A file's size as people read it: 812 字节, 35 KB, 4.2 MB. */
export function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  const mb = bytes / 1024 / 1024;
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}
