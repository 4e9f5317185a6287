import { tempDir } from './core-harness';

/**
 * The sync rows of the authorisation matrix (written by hand from the profiles table): setting
 * sync up, pairing and revoking workstations are the administrator's; its state and "Sincronizza
 * ora" every unlocked user's (the Home banner and the button are everyone's). Names no one.
 */
export const SYNC_MATRIX = {
  'sync.status': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'sync.runNow': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'sync.setFolder': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.enable': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.createPairing': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.revoke': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.setArchiveGuard': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.confirmHold': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'sync.refuseHold': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
} as const;

export const SYNC_NAMES_NO_ONE = Object.keys(SYNC_MATRIX) as (keyof typeof SYNC_MATRIX)[];

/** Valid payloads; the state they meet (sync on or off, folder set or not) depends on the order the rows run in. */
export function syncPayloads() {
  const folder = tempDir('udc-matrix-sync-');
  return {
    'sync.status': () => ({}),
    'sync.runNow': () => ({}),
    'sync.setFolder': () => ({ folder, intervalMin: 5 }),
    'sync.enable': () => ({ label: 'Narni – PC segreteria' }),
    // A folder that is not there: the permission is what is tested, not a pairing (a backup and a strong scrypt).
    'sync.createPairing': () => ({ label: 'Amelia – PC segreteria', passphrase: 'ponte lucido arancia treno', folder: `${folder}/non-esiste` }),
    'sync.revoke': () => ({ node: '0123456789abcdef' }),
    'sync.setArchiveGuard': () => ({ sharePct: 10, minRows: 20 }),
    'sync.confirmHold': () => ({ node: '0123456789abcdef', seq: 1 }),
    'sync.refuseHold': () => ({ node: '0123456789abcdef', seq: 1 }),
  };
}

/** Business refusals an allowed caller may meet here (never FORBIDDEN from the permission check). */
export const SYNC_ACCEPTED_ERRORS = {
  /** Sync not enabled yet, or no folder saved yet. */
  'sync.runNow': ['VALIDATION'],
  /** Already enabled by an earlier row. */
  'sync.enable': ['CONFLICT'],
  /** Not enabled yet, or the folder is missing. */
  'sync.createPairing': ['CONFLICT', 'NOT_FOUND'],
  /** No such workstation. */
  'sync.revoke': ['NOT_FOUND'],
  /** No batch of that workstation is waiting. */
  'sync.confirmHold': ['CONFLICT'],
  'sync.refuseHold': ['CONFLICT'],
};
