// The command's own output streams. `duban parse FILE --json | head` closes stdout after a few
// lines: that is the reader having read enough, not a failure, so the command ends at once and
// quietly with exit 0 (a pipeline under `set -o pipefail` does not fail because head stopped
// reading). A closed stderr is ignored: the work (an import) goes on, only its report is lost.

/** Installs the handlers; `fail` reports any other error of stdout. */
export function endQuietlyOnClosedOutput(fail: (e: unknown) => void): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE' || e.code === 'ERR_STREAM_DESTROYED') process.exit(0);
    fail(e);
  });
  process.stderr.on('error', () => {});
}
