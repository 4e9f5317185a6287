import { create } from 'zustand';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { api, type SessionProblem } from '../../api/client';
import { ApiError, toShownError } from '../../api/errors';

export type Phase = 'starting' | 'no-session' | 'disconnected' | 'fatal' | 'setup' | 'login' | 'recover' | 'app';

interface SessionState {
  phase: Phase;
  session: SessionInfoData | null;
  /** Why the program could not start (keys file missing, database too new…): the core's words. */
  fatal: string | null;
  /** A success message the login screen shows once (e.g. after a password recovery). */
  loginNotice: string | null;
  workstation: string;
  version: string;
}

// The password typed at login, kept only until the forced change that may follow it, so the
// user is not asked for a temporary password they typed seconds ago.
let loginPassword: string | null = null;

export const useSessionStore = create<SessionState>(() => ({
  phase: 'starting',
  session: null,
  fatal: null,
  loginNotice: null,
  workstation: '',
  version: '',
}));

const set = useSessionStore.setState;
const get = useSessionStore.getState;

export const selectPhase = (s: SessionState) => s.phase;
export const selectSession = (s: SessionState) => s.session;

export function hasRememberedLoginPassword(): boolean {
  return loginPassword !== null;
}

export async function startSession(): Promise<void> {
  set({ phase: 'starting', fatal: null });
  try {
    const status = await api.call('setup.status', {});
    set({ workstation: status.workstation, version: status.version });
    if (!status.setUp) {
      set({ phase: 'setup' });
      return;
    }
    const current = await api.call('auth.current', {});
    set(current ? { phase: 'app', session: current } : { phase: 'login', session: null });
  } catch (error) {
    if (error instanceof ApiError && error.code === 'DISCONNECTED') set({ phase: 'disconnected' });
    else set({ phase: 'fatal', fatal: toShownError(error).message });
  }
}

/** Browser mode: the link was already used, or this browser holds no session (the server's words). */
export function markNoSession(message: string): void {
  set({ phase: 'no-session', fatal: message });
}

export function markDisconnected(): void {
  set({ phase: 'disconnected' });
}

export function enterWithSession(session: SessionInfoData): void {
  set({ phase: 'app', session, loginNotice: null });
}

export async function login(username: string, password: string): Promise<void> {
  const session = await api.call('auth.login', { username, password });
  loginPassword = session.mustChangePassword ? password : null;
  enterWithSession(session);
}

export async function logout(): Promise<void> {
  try {
    await api.call('auth.logout', {});
  } finally {
    loginPassword = null;
    // The next person at this PC starts from the home page, not from where the last one was.
    history.replaceState(null, '', `${location.pathname}${location.search}#/`);
    set({ phase: 'login', session: null });
  }
}

/** Lock the screen now; if the core cannot be told, the screen still locks. */
export async function lockSession(): Promise<void> {
  const session = get().session;
  if (!session || session.locked) return;
  set({ session: { ...session, locked: true } });
  try {
    await api.call('auth.lock', {});
  } catch {
    // The screen is already locked; the core locks on its own idle timer as well.
  }
}

export async function unlock(password: string): Promise<void> {
  const session = await api.call('auth.unlock', { password });
  set({ session });
}

export async function changePassword(currentPassword: string | null, newPassword: string): Promise<void> {
  const current = currentPassword ?? loginPassword ?? '';
  const session = await api.call('auth.changePassword', { currentPassword: current, newPassword });
  loginPassword = null;
  set({ session });
}

/** A forgotten administrator password, reset with the recovery key; returns the new key, shown once. */
export async function recoverPassword(username: string, recoveryKey: string, newPassword: string): Promise<string> {
  return (await api.call('auth.recover', { username, recoveryKey, newPassword })).recoveryKey;
}

export function showRecover(): void {
  set({ phase: 'recover', loginNotice: null });
}

export function showLogin(notice: string | null = null): void {
  set({ phase: 'login', loginNotice: notice });
}

/** The core said the session changed under us: follow it, whichever screen asked. */
export function handleSessionProblem(problem: SessionProblem): void {
  const session = get().session;
  if (problem === 'NOT_AUTHENTICATED') {
    loginPassword = null;
    set({ phase: 'login', session: null });
  } else if (problem === 'SESSION_LOCKED' && session) {
    set({ session: { ...session, locked: true } });
  } else if (problem === 'PASSWORD_CHANGE_REQUIRED' && session) {
    set({ session: { ...session, mustChangePassword: true } });
  }
}

export const selectLoginNotice = (s: SessionState) => s.loginNotice;
export const selectFatal = (s: SessionState) => s.fatal;
