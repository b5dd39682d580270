// An item's stable key: what finds it again when its source document is imported anew or
// replaced. A measure's place (its outline path and its position among the measures at that
// place) outlives small edits of its wording, so the key is made of the place, and the wording is
// kept beside it (source_text) to notice a change; an item typed in by hand gets a key of its own.
// Pure.

/** Key of the n-th (from 1) measure under an outline path. */
export function measureKey(path: readonly string[], ordinal: number): string {
  return `${path.join(' / ')}#${ordinal}`;
}

/** Key of an item added by hand, or split off or merged from others: never shared with a measure. */
export function manualKey(seq: number, at: Date): string {
  return `manual:${at.getTime().toString(36)}:${seq}`;
}

/**
 * Keys for the measures of one document in order: each measure's ordinal counts the measures
 * before it under the same path, so inserting a measure in one section leaves the others alone.
 */
export function measureKeys(paths: readonly (readonly string[])[]): string[] {
  const seen = new Map<string, number>();
  return paths.map((p) => {
    const place = p.join(' / ');
    const n = (seen.get(place) ?? 0) + 1;
    seen.set(place, n);
    return measureKey(p, n);
  });
}

/** Whitespace does not make a measure's wording change. */
export function sameMeasure(a: string, b: string): boolean {
  return a.replace(/\s+/g, '') === b.replace(/\s+/g, '');
}
