import { useEffect, useState } from 'react';
import { api } from '../../api/client';

export interface Progress {
  done: number;
  total: number;
  label: string;
}

/**
 * The core's `progress` events for one task while `active`: long work (a batch of letters)
 * reports each step to the connection that asked for it, and this shows the latest.
 */
export function useProgress(task: string, active: boolean): Progress | null {
  const [progress, setProgress] = useState<Progress | null>(null);
  useEffect(() => {
    if (!active) return;
    const stop = api.onEvent((event) => {
      if (event.type === 'progress' && event.task === task) setProgress({ done: event.done, total: event.total, label: event.label });
    });
    // The next run starts from nothing, not from where this one ended.
    return () => {
      stop();
      setProgress(null);
    };
  }, [task, active]);
  return active ? progress : null;
}
