/** A directory file that cannot be used: malformed JSON, a wrong field, or names that contradict each other. */
export class DirectoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DirectoryError';
  }
}
