import { useState } from 'react';
import { toShownError, type ShownError } from '../api/errors';

/** Runs a save, keeping the dialog (and what was typed) open with the core's message on failure. */
export function useDialogSave(onClose: () => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      onClose();
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
