import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Profile } from '../../shared/domain/permissions';
import { call } from '../support/core-harness';
import { buildMatrixFixture, f, fresh } from '../support/matrix-fixture';

/**
 * The set-up, login and session channels (SESSION_CHANNELS of the authorisation table): they name
 * no resource and need no profile, so every profile reaches them; refusals here are never FORBIDDEN.
 * Same zone and staff as the authorisation matrix.
 */
const SHORT: Record<string, Profile> = {
  AS: 'assistente_sociale',
  ED: 'educatore',
  PS: 'psicologo',
  AM: 'amministrativo',
  SAL: 'mediatore_sal',
  CO: 'coordinatore',
  ADM: 'amministratore',
};

beforeAll(buildMatrixFixture);
afterAll(() => f.db.close());

describe('set-up, accesso e sessione: ogni profilo, nessun rifiuto per profilo', () => {
  const passwords = new Map<Profile, string>();
  const passwordOf = (p: Profile) => passwords.get(p) ?? 'Provvisoria-2026-nuova1';

  for (const [short, profile] of Object.entries(SHORT)) {
    it(`${short}: setup.status risponde, setup.init è rifiutato perché la zona esiste già`, async () => {
      const conn = f.users[profile].conn;
      expect((await call(conn, 'setup.status', {})).setUp).toBe(true);
      const again = await conn.call('setup.init', {
        zone: {
          nome: 'Altra zona',
          ente: 'Altro ente',
          comuni: [{ istat: '055022', catastale: 'F844', nome: 'Narni', provincia: 'TR' }],
          sedi: [{ nome: 'Narni', lettera: 'N', comuneIstat: '055022', indirizzo: 'Via Roma 1', telefono: '', rooms: [] }],
          letterhead: { intestazione: 'X', sottotitolo: '', indirizzo: '', contatti: '' },
        },
        admin: { username: `m.${fresh().toLowerCase()}`, fullName: 'Altro Admin', password: 'Amministratrice-2026' },
      });
      expect(again.ok).toBe(false);
      expect(again.ok ? null : again.error.code).not.toBe('FORBIDDEN');
    });

    it(`${short}: auth.current, auth.ping, auth.lock e auth.unlock sulla propria sessione`, async () => {
      const conn = f.users[profile].conn;
      expect((await call(conn, 'auth.current', {}))?.user.profile).toBe(profile);
      await call(conn, 'auth.ping', {});
      await call(conn, 'auth.lock', {});
      expect((await conn.call('zone.get', {})).ok).toBe(false);
      await call(conn, 'auth.unlock', { password: passwordOf(profile) });
      await call(conn, 'auth.ping', {});
    });

    it(`${short}: auth.changePassword, poi auth.login e auth.logout su una seconda connessione`, async () => {
      const conn = f.users[profile].conn;
      const next = `Cambiata-2026-${fresh()}`;
      await call(conn, 'auth.changePassword', { currentPassword: passwordOf(profile), newPassword: next });
      passwords.set(profile, next);
      const second = f.core.connect('test');
      expect((await call(second, 'auth.login', { username: f.users[profile].username, password: next })).user.profile).toBe(profile);
      await call(second, 'auth.logout', {});
      expect(await call(second, 'auth.current', {})).toBeNull();
      await call(conn, 'auth.ping', {});
    });
  }

  it('auth.recover con una chiave sbagliata: rifiutato come credenziale, non per profilo', async () => {
    const reply = await f.core
      .connect('test')
      .call('auth.recover', { username: f.users.educatore.username, recoveryKey: 'AAAA-BBBB-CCCC-DDDD', newPassword: 'Recuperata-2026-lunga' });
    expect(reply.ok ? null : reply.error.code).toBe('WRONG_RECOVERY_KEY');
  });
});
