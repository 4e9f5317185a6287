import { describe, expect, it } from 'vitest';
import { ADMIN, call, createUser, inspectDatabase, setUpZone } from '../support/core-harness';

describe('first-run checklist', () => {
  it('starts with what a fresh zone lacks and ticks each item from the data', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const fresh = await call(admin, 'firstRun.status', {});
    expect(fresh.profiliMancanti).toEqual(['assistente_sociale', 'amministrativo', 'coordinatore']);
    // The seed gives both sedi an address, a phone number and rooms, but no opening hours.
    expect(fresh.sediSenzaRecapiti).toEqual([]);
    expect(fresh.sediSenzaStanze).toEqual([]);
    expect(fresh.sediSenzaOrari.map((s) => s.nome).sort()).toEqual(['Amelia', 'Narni']);
    expect(fresh).toMatchObject({ patroniControllati: false, chiaveConservata: false });

    await createUser(admin, { username: 'l.rossi', fullName: 'Laura Rossi', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
    const zone = await call(admin, 'zone.settings', {});
    const amelia = zone.sedi.find((s) => s.nome === 'Amelia')!;
    await call(admin, 'zone.saveSede', { id: amelia.id, nome: amelia.nome, lettera: amelia.lettera, comuneIstat: amelia.comuneIstat, indirizzo: amelia.indirizzo, telefono: '' });
    await call(admin, 'zone.saveRoom', { ...amelia.rooms[0]!, attiva: false });
    await call(admin, 'zone.saveRoom', { ...amelia.rooms[1]!, attiva: false });
    await call(admin, 'agenda.saveHours', { sedeId: amelia.id, giorni: [{ giorno: 1, mattinaDa: '08:30', mattinaA: '13:30', pomeriggioDa: '', pomeriggioA: '' }] });
    await call(admin, 'firstRun.confirm', { voce: 'patroni_controllati' });
    await call(admin, 'firstRun.confirm', { voce: 'chiave_conservata' });

    const later = await call(admin, 'firstRun.status', {});
    expect(later.profiliMancanti).toEqual(['amministrativo', 'coordinatore']);
    expect(later.sediSenzaRecapiti).toEqual([{ id: amelia.id, nome: 'Amelia' }]);
    expect(later.sediSenzaStanze).toEqual([{ id: amelia.id, nome: 'Amelia' }]);
    expect(later.sediSenzaOrari.map((s) => s.nome)).toEqual(['Narni']);
    expect(later).toMatchObject({ patroniControllati: true, chiaveConservata: true });

    // Each confirmation is an administrative act, in the administration log with its author.
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT action, username FROM admin_log WHERE action IN ('keys.recovery_kept', 'agenda.patrons_checked') ORDER BY seq`).all();
    expect(rows).toEqual([
      { action: 'agenda.patrons_checked', username: 'admin' },
      { action: 'keys.recovery_kept', username: 'admin' },
    ]);
    db.close();
    core.close();
  });

  it('a recovery issues a new key, which must be confirmed kept again', async () => {
    const { core, admin, recoveryKey } = await setUpZone();
    await call(admin, 'firstRun.confirm', { voce: 'chiave_conservata' });
    expect((await call(admin, 'firstRun.status', {})).chiaveConservata).toBe(true);
    await call(admin, 'auth.logout', {});
    const conn = core.connect('test');
    await call(conn, 'auth.recover', { username: 'admin', recoveryKey, newPassword: 'Ripristinata-2026' });
    await call(conn, 'auth.login', { username: 'admin', password: 'Ripristinata-2026' });
    expect((await call(conn, 'firstRun.status', {})).chiaveConservata).toBe(false);
    await call(conn, 'firstRun.confirm', { voce: 'chiave_conservata' });
    expect((await call(conn, 'firstRun.status', {})).chiaveConservata).toBe(true);
    core.close();
  });
});
