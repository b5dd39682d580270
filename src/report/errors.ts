// A printed form that cannot be made from what it was given: the message is for the user, in
// Chinese, and names the field. The server answers 400 with it; nothing is half-written, because
// every generator checks its input before it builds anything.
export class ReportError extends Error {
  override name = 'ReportError';
  readonly status = 400;
}

/** A required text field: present, a string, not blank. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '') throw new ReportError(`${field}不能为空`);
  return value.trim();
}
