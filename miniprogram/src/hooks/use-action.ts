import { useState } from 'react';

/**
 * The busy flag and error message of a page's one action: `run` clears the last error, marks the page busy and
 * shows the failure's message (the server's Chinese text) instead of throwing.
 */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, setBusy, error, setError, run };
}
