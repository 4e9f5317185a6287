import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/app';
import { REFUSED_DIR } from '../../electron/core/services/sync/hold-decisions';
import { ADMIN, call, callError, inspectDatabase } from '../support/core-harness';
import { archiveCases, pairedSedi } from '../support/paired-sedi-cases';
import { personWithCf } from '../support/cartella-fixtures';

const cores: Core[] = [];
afterEach(() => {
  for (const c of cores.splice(0)) c.close();
});

const AMELIA = 'Amelia – PC segreteria';
const archivedAt = async (conn: Parameters<typeof call>[0], ids: readonly string[]) => {
  let n = 0;
  for (const id of ids) if ((await call(conn, 'cases.get', { id })).archiviata) n++;
  return n;
};

describe('sincronizzazione: archiviazioni in blocco da un’altra postazione', { timeout: 180_000 }, () => {
  it('un pacchetto che archivierebbe 25 cartelle su 30 aspetta un amministratore, con i pacchetti dopo di lui; confermato, si applica', async () => {
    const z = await pairedSedi(cores, 30);
    await archiveCases(z.amelia.as, z.caseIds.slice(0, 25));
    expect((await call(z.amelia.admin, 'sync.runNow', {})).outcome).toBe('ok');
    // A later edit at Amelia: its segment waits behind the held one.
    const first = await call(z.amelia.as, 'persons.get', { id: z.personIds[0]! });
    await call(z.amelia.as, 'persons.update', {
      ...personWithCf({ cognome: first.person.cognome, nome: first.person.nome, dataNascita: first.person.dataNascita, telefono: '0744 000111' }),
      id: z.personIds[0]!,
    });
    await call(z.amelia.admin, 'sync.runNow', {});

    const summary = await call(z.narni.admin, 'sync.runNow', {});
    const message = `In attesa di conferma: ${AMELIA} vorrebbe archiviare 25 cartelle su 30.`;
    expect(summary).toMatchObject({ outcome: 'ok', message });
    const status = await call(z.narni.as, 'sync.status', {});
    expect(status.holds).toEqual([expect.objectContaining({ label: AMELIA, message })]);
    expect(status.banner).toBe(message);
    // Nothing of it, nor of what came after, is here yet; a second cycle changes nothing.
    expect(await archivedAt(z.narni.as, z.caseIds)).toBe(0);
    expect((await call(z.narni.as, 'persons.get', { id: z.personIds[0]! })).person.telefono).toBe('');
    expect((await call(z.narni.admin, 'sync.runNow', {})).applied).toBe(0);

    const seq = status.holds[0]!.seq;
    const node = status.holds[0]!.node;
    expect(await callError(z.narni.as, 'sync.confirmHold', { node, seq })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await callError(z.narni.admin, 'sync.confirmHold', { node, seq: seq + 1 })).toMatchObject({ code: 'CONFLICT' });
    const after = await call(z.narni.admin, 'sync.confirmHold', { node, seq });
    expect(after.holds).toEqual([]);
    expect(after.banner).toBeNull();
    expect(await archivedAt(z.narni.as, z.caseIds)).toBe(25);
    expect((await call(z.narni.as, 'persons.get', { id: z.personIds[0]! })).person.telefono).toBe('0744 000111');

    for (const c of cores.splice(0)) c.close();
    const db = await inspectDatabase(z.narni.dataDir, ADMIN.username, ADMIN.password);
    const rows = db.prepare(`SELECT detail FROM admin_log WHERE action = 'sync.confirmHold'`).all() as { detail: string }[];
    db.close();
    // The router's row of the call and the service's row of what was confirmed: counts, no names.
    expect(rows.map((r) => r.detail)).toContainEqual(expect.stringContaining('archiviazione di 25 cartelle su 30 confermata'));
    for (const r of rows) expect(r.detail ?? '').not.toMatch(/Colò|Nicolò/);
  });

  it('con la soglia impostata dall’amministratore; rifiutato, il pacchetto resta da parte e quella postazione si ferma con un messaggio', async () => {
    const z = await pairedSedi(cores, 6);
    expect(await callError(z.narni.as, 'sync.setArchiveGuard', { sharePct: 50, minRows: 3 })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await call(z.narni.admin, 'sync.setArchiveGuard', { sharePct: 50, minRows: 3 })).archiveGuard).toEqual({ sharePct: 50, minRows: 3 });
    // Half of them is not above the share: applied without asking.
    await archiveCases(z.amelia.as, z.caseIds.slice(0, 3));
    await call(z.amelia.admin, 'sync.runNow', {});
    expect((await call(z.narni.admin, 'sync.runNow', {})).message).not.toMatch(/In attesa/);
    expect(await archivedAt(z.narni.as, z.caseIds)).toBe(3);
    // Of the three left, all three: held.
    await archiveCases(z.amelia.as, z.caseIds.slice(3));
    await call(z.amelia.admin, 'sync.runNow', {});
    const held = await call(z.narni.admin, 'sync.runNow', {});
    expect(held.message).toBe(`In attesa di conferma: ${AMELIA} vorrebbe archiviare 3 cartelle su 3.`);
    const { node, seq } = (await call(z.narni.admin, 'sync.status', {})).holds[0]!;

    const refused = await call(z.narni.admin, 'sync.refuseHold', { node, seq });
    expect(refused.holds).toEqual([]);
    expect(refused.stopped).toEqual([expect.objectContaining({ node, seq, label: AMELIA })]);
    expect(refused.banner).toMatch(
      /^I pacchetti di Amelia – PC segreteria non vengono più letti: un amministratore ha rifiutato il pacchetto \d+, che avrebbe archiviato 3 cartelle su 3/,
    );
    expect(fs.readdirSync(path.join(z.narni.dataDir, REFUSED_DIR))).toEqual([`${node}-${String(seq).padStart(12, '0')}.udcs`]);
    // Amelia goes on writing; none of it is read here any more, and nothing was archived.
    await call(z.amelia.as, 'cases.archive', { id: z.caseIds[0]!, archiviata: false });
    await call(z.amelia.admin, 'sync.runNow', {});
    expect(await call(z.narni.admin, 'sync.runNow', {})).toMatchObject({ applied: 0 });
    expect(await archivedAt(z.narni.as, z.caseIds)).toBe(3);
    expect(await callError(z.narni.admin, 'sync.confirmHold', { node, seq })).toMatchObject({ code: 'CONFLICT' });
  });
});
