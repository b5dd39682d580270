import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';

/**
 * Runs a write and says how it went. A 409 (someone changed the item first) shows the server's
 * message and loads the page again, so the next attempt starts from what is really there.
 */
export function useAction(reload: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async <T>(work: () => Promise<T>, done: string): Promise<T | undefined> => {
      setBusy(true);
      try {
        const out = await work();
        message.success(done);
        reload();
        return out;
      } catch (e) {
        message.error(errorMessage(e));
        if (e instanceof ApiError && e.status === 409) reload();
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [message, reload],
  );
  return { run, busy };
}
