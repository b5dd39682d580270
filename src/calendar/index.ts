// The calendar: ISO days (iso-date.ts), the official working-day calendar (working-days.ts), the
// State Council's yearly notice read into an arrangement (holiday-notice.ts) and the one clock,
// Beijing time (clock.ts). Below every stage: it imports nothing of Duban's.
export * from './iso-date.ts';
export * from './working-days.ts';
export * from './clock.ts';
export * from './holiday-notice.ts';
