// What other features use from this one: they import it from here only.
export { LockScreen } from './LockScreen';
export { LoginPage } from './LoginPage';
export { RecoverPage } from './RecoverPage';
export { StartingScreen } from './StartingScreen';
export { allows } from './permissions';
export { profileRefusal } from './refusal';
export {
  changePassword,
  enterWithSession,
  handleSessionProblem,
  hasRememberedLoginPassword,
  lockSession,
  logout,
  markDisconnected,
  markNoSession,
  showLogin,
  selectFatal,
  selectPhase,
  selectSession,
  startSession,
  useSessionStore,
} from './store';
export { useIdleLock } from './useIdleLock';
