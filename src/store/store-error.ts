// The one error the store throws for a person to read: a store that cannot be opened, migrated or
// written. Callers print its message as it is (Chinese, says what happened and what to do) and
// never its stack; `cause` keeps the engine's error for --debug.
export class StoreError extends Error {
  override name = 'StoreError';
}
