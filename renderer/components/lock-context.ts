import { createContext, useContext } from 'react';

/**
 * True while the session is locked. Dialogs portal out of the hidden app, so they close
 * themselves while it is; their fields live in the parent component and survive the lock.
 */
export const LockedContext = createContext(false);

export function useLocked(): boolean {
  return useContext(LockedContext);
}
