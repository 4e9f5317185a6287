import { useEffect } from 'react';
import { api } from '../../api/client';
import { lockSession } from './store';

const ACTIVITY_EVENTS = ['mousemove', 'mousedown', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;
const PING_EVERY_MS = 60_000;
const CHECK_EVERY_MS = 5_000;

/**
 * Locks the screen after `idleTimeoutMin` without keyboard or mouse, and while the user is
 * active tells the core at most once a minute, so its own idle timer does not lock a session
 * that is in use.
 */
export function useIdleLock(active: boolean, idleTimeoutMin: number): void {
  useEffect(() => {
    if (!active) return;
    let lastActivity = Date.now();
    let lastPing = Date.now();
    const onActivity = () => {
      const now = Date.now();
      lastActivity = now;
      if (now - lastPing >= PING_EVERY_MS) {
        lastPing = now;
        // A refusal (already locked, session gone) is handled by the client's session listener.
        api.call('auth.ping', {}).catch(() => undefined);
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onActivity, { capture: true, passive: true });
    const timer = window.setInterval(() => {
      if (Date.now() - lastActivity >= idleTimeoutMin * 60_000) void lockSession();
    }, CHECK_EVERY_MS);
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onActivity, { capture: true });
      window.clearInterval(timer);
    };
  }, [active, idleTimeoutMin]);
}
