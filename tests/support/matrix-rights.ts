import type { Profile } from '../../shared/domain/permissions';
import { call } from './core-harness';
import { f, freshLoner, type Side } from './matrix-fixture';

/**
 * The data subject's rights in the authorisation matrix. The access export and the restriction
 * are the coordinator's (rights.manage; the administrator sees no one's data); that a person is
 * restricted shows to whoever may open the person, as persons.get.
 */
export const RIGHTS_MATRIX = {
  'rights.status': 'AS:B ED:O PS:O AM:B SAL:B CO:B ADM:-',
  'rights.restrict': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'rights.lift': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'rights.export': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
} as const;

/** Restricting and lifting act on a fresh person, so the other rows' people stay writable. */
export function rightsPayloads() {
  return {
    'rights.status': (side: Side) => ({ personId: f[side].personId }),
    'rights.restrict': async (side: Side) => ({ personId: await freshLoner(side), motivo: 'Richiesta dell’interessato (matrice)' }),
    'rights.lift': async (side: Side) => {
      const personId = await freshLoner(side);
      await call(f.users.coordinatore.conn, 'rights.restrict', { personId, motivo: 'Da revocare nella matrice' });
      return { personId, motivo: 'Verifica conclusa (matrice)' };
    },
    'rights.export': (side: Side) => ({ personId: f[side].personId }),
  } satisfies Record<keyof typeof RIGHTS_MATRIX, (side: Side, caller: Profile) => unknown>;
}
