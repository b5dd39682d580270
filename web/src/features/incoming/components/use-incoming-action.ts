import { App } from 'antd';
import { useCallback, useState } from 'react';
import { ApiError, errorMessage } from '../../../lib/api-client';

/**
 * Runs a step of the 收文's handling and says how it went; a 409 (someone acted first) shows the
 * server's words and loads the registration again, so the next try starts from what is there.
 */
export function useIncomingAction(onChanged: () => void) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (work: () => Promise<unknown>, done: string) => {
      setBusy(true);
      try {
        await work();
        message.success(done);
        onChanged();
      } catch (e) {
        message.error(errorMessage(e));
        if (e instanceof ApiError && e.status === 409) onChanged();
      } finally {
        setBusy(false);
      }
    },
    [message, onChanged],
  );
  return { run, busy };
}
