// The kinds of record search finds, on their own so that the command line can list them without
// loading the search code (and its database modules) at start.
export type SearchKind = 'document' | 'task' | 'appointment' | 'chronicle';
export const SEARCH_KINDS: readonly SearchKind[] = ['document', 'task', 'appointment', 'chronicle'];
