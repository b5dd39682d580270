// The one error registration and 初审 throw for a person to read (Chinese), with the HTTP status
// the server answers with and, for a document registered before, that registration.
import type { IncomingView } from './view.ts';

export type IncomingErrorKind = 'unreadable' | 'refused' | 'duplicate' | 'not-found' | 'conflict' | 'invalid';

const STATUS: Record<IncomingErrorKind, 400 | 404 | 409 | 422> = { unreadable: 422, refused: 422, duplicate: 409, 'not-found': 404, conflict: 409, invalid: 400 };

export class IncomingError extends Error {
  override name = 'IncomingError';
  readonly status: 400 | 404 | 409 | 422;

  constructor(
    readonly kind: IncomingErrorKind,
    message: string,
    /** duplicate: the registration of the same document made first. */
    readonly first: IncomingView | null = null,
  ) {
    super(message);
    this.status = STATUS[kind];
  }
}
