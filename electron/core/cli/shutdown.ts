/** Signals that ask a long-running command to stop: Ctrl-C, `kill`, the terminal closing. */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** How often the launcher is checked for; only while `npm run` is the launcher. */
const LAUNCHER_POLL_MS = 500;

export type ShutdownReason = (typeof STOP_SIGNALS)[number] | 'launcher';

/**
 * Resolves once the process should stop, so the caller can close the server and the archive
 * (logging every session out and folding the WAL in) and exit 0, instead of dying mid-write.
 *
 * Under `npm run cli`, npm sends a SIGTERM it receives only to the script's shell, and `sh -c`
 * dies without passing it on: the program would keep running, orphaned, holding the data
 * folder. So when an npm script started us, the shell's death (our parent changes) counts as a
 * stop request too. Started any other way (`udc serve`, a service manager, `nohup`), only the
 * signals count: a parent shell that exits must not stop a server meant to outlive it.
 */
export function untilShutdown(env: NodeJS.ProcessEnv = process.env): Promise<ShutdownReason> {
  return new Promise((resolve) => {
    let timer: NodeJS.Timeout | null = null;
    const handlers = new Map<string, () => void>();
    const stop = (reason: ShutdownReason) => {
      if (timer) clearInterval(timer);
      // Keep a no-op listener: a second Ctrl-C while closing must not kill the process mid-close.
      for (const [signal, handler] of handlers) {
        process.off(signal, handler);
        process.on(signal, ignore);
      }
      resolve(reason);
    };
    for (const signal of STOP_SIGNALS) {
      const handler = () => stop(signal);
      handlers.set(signal, handler);
      process.on(signal, handler);
    }
    if (env.npm_lifecycle_event && process.platform !== 'win32') {
      const parent = process.ppid;
      timer = setInterval(() => {
        if (process.ppid !== parent) stop('launcher');
      }, LAUNCHER_POLL_MS);
      timer.unref();
    }
  });
}

function ignore(): void {
  // Already closing.
}
