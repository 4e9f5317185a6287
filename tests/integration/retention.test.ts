import fs from 'node:fs';
import path from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { openExport } from '../../electron/core/services/retention/scarto-export';
import { contract } from '../../shared/contracts';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, sendUpload, setUpZone } from '../support/core-harness';
import { personWithCf, sedeId, staff } from '../support/cartella-fixtures';
import type { Profile } from '../../shared/domain/permissions';

/*
 * Conservazione e scarto: the list of closed case files past the retention, the authorisation
 * required, the sealed export first, the erasure through the write path (change log included),
 * the audit rows naming ids, and no other way to remove a case file.
 */

let core: Core;
let dataDir: string;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
const cases: Record<'old' | 'recent' | 'open', string> = { old: '', recent: '', open: '' };
const SECRET = 'Segreto-del-diario-Zx81';
const PASSPHRASE = 'una frase lunga per lo scarto';
const AUT = { ente: 'Soprintendenza archivistica e bibliografica dell’Umbria e delle Marche', numero: '1234/2026', data: '2026-01-15' };
let personId = '';

async function openCase(apertaIl: string, chiusaIl: string | null): Promise<string> {
  const as = s.assistente_sociale.conn;
  const opened = await call(as, 'cases.open', { personId, sedeId: await sedeId(as, 'Narni'), area: 'poverta', problematiche: ['lavoro'], apertaIl });
  if (chiusaIl) await call(as, 'cases.setStatus', { id: opened.caseId, stato: 'chiuso', data: chiusaIl, motivo: 'Obiettivi raggiunti' });
  return opened.caseId;
}

function unzipEntries(buf: Buffer): Map<string, Buffer> {
  // Local file headers in order (the writer stores sizes in them): enough for our own ZIPs.
  const out = new Map<string, Buffer>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const data = buf.subarray(at + 30 + nameLen + extra, at + 30 + nameLen + extra + size);
    out.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    at += 30 + nameLen + extra + size;
  }
  return out;
}

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  dataDir = zone.dataDir;
  s = await staff(core, zone.admin);
  personId = (await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Scartabelli', nome: 'Ottavio', sesso: 'M', dataNascita: '1950-03-03' }))).person.id;
  cases.old = await openCase('2012-02-01', '2014-06-30');
  cases.recent = await openCase('2020-02-01', '2022-06-30');
  cases.open = await openCase('2012-03-01', null);
  const as = s.assistente_sociale.conn;
  await call(as, 'diary.create', {
    caseId: cases.old,
    tipo: 'colloquio',
    data: '2013-05-05',
    ora: '10:00',
    luogo: 'Narni',
    partecipanti: 'O. S.',
    testo: SECRET,
    riservato: false,
    nominati: [],
  });
  const uploadId = await sendUpload(as, Buffer.from(`Relazione: ${SECRET}\n`));
  await call(as, 'attachments.upload', { caseId: cases.old, nomeFile: 'relazione.txt', descrizione: 'relazione', uploadId });
}, 60_000);

describe('conservazione e scarto', () => {
  it('lists only closed case files past the zone’s retention (10 years by default)', async () => {
    const list = await call(s.coordinatore.conn, 'retention.candidates', {});
    expect(list.conservazioneAnni).toBe(10);
    expect(list.cases.map((c) => c.id)).toEqual([cases.old]);
    expect(list.cases[0]).toMatchObject({ persona: 'Scartabelli Ottavio', chiusaIl: '2014-06-30', area: 'Povertà ed esclusione sociale' });
    // A shorter retention set in the zone brings the recent closed file in; the open one never.
    const registro = await call(s.coordinatore.conn, 'records.get', {});
    await call(s.coordinatore.conn, 'records.save', { fields: { ...registro.fields, dpo: 'Avv. Rossi', dpoContatti: 'dpo@example.it' }, conservazioneAnni: 3 });
    expect((await call(s.coordinatore.conn, 'retention.candidates', {})).cases.map((c) => c.id)).toEqual([cases.old, cases.recent]);
    await call(s.coordinatore.conn, 'records.save', { fields: { ...registro.fields, dpo: 'Avv. Rossi', dpoContatti: 'dpo@example.it' }, conservazioneAnni: 10 });
  });

  it('refuses without the authorisation reference, and refuses files not past retention', async () => {
    const co = s.coordinatore.conn;
    for (const bad of [
      { ...AUT, numero: '' },
      { ...AUT, ente: '' },
      { ente: AUT.ente, numero: AUT.numero },
    ]) {
      expect((await callError(co, 'retention.export', { caseIds: [cases.old], autorizzazione: bad, note: '', passphrase: PASSPHRASE })).code).toBe('VALIDATION');
    }
    expect((await callError(co, 'retention.export', { caseIds: [cases.old], autorizzazione: AUT, note: '', passphrase: 'corta' })).code).toBe('VALIDATION');
    const recent = await callError(co, 'retention.export', { caseIds: [cases.recent], autorizzazione: AUT, note: '', passphrase: PASSPHRASE });
    expect(recent.message).toMatch(/non è chiusa da più di 10 anni/);
    expect((await callError(co, 'retention.export', { caseIds: [cases.open], autorizzazione: AUT, note: '', passphrase: PASSPHRASE })).code).toBe('VALIDATION');
    // Only the coordinator: an administrator (no one's personal data) and a social worker are refused.
    for (const p of ['amministratore', 'assistente_sociale'] as const) expect((await callError(s[p].conn, 'retention.candidates', {})).code).toBe('FORBIDDEN');
  });

  it('exports first (sealed with the passphrase, complete), then empties the file through the write path; audit rows name ids', async () => {
    const co = s.coordinatore.conn;
    const exported = await call(co, 'retention.export', { caseIds: [cases.old], autorizzazione: AUT, note: 'Verbale 7/2026', passphrase: PASSPHRASE });
    expect(exported.nomeFile).toMatch(/^scarto-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.udcscarto$/);
    const sealed = await receiveDownload(co, exported.downloadId);
    expect(sealed.includes(Buffer.from(SECRET))).toBe(false);
    expect((await import('node:crypto')).createHash('sha256').update(sealed).digest('hex')).toBe(exported.sha256);
    expect(() => openExport(sealed, 'frase sbagliata ma lunga')).toThrow(/Frase di cifratura errata/);
    const files = unzipEntries(openExport(sealed, PASSPHRASE));
    const manifest = JSON.parse(files.get('scarto.json')!.toString('utf8')) as {
      autorizzazione: typeof AUT;
      cartelle: { caseId: string; persona: { cognome: string }; parti: Record<string, { testo?: string }[]> }[];
    };
    expect(manifest.autorizzazione).toEqual(AUT);
    expect(manifest.cartelle[0]).toMatchObject({ caseId: cases.old, persona: { cognome: 'Scartabelli' } });
    expect(manifest.cartelle[0]!.parti.diary_entries![0]!.testo).toBe(SECRET);
    const attachment = [...files.entries()].find(([name]) => name.startsWith('allegati/attachments/'));
    expect(attachment?.[1].toString()).toContain(SECRET);

    // Before the erasure the content is still there; the wrong hash or no confirmation is refused.
    expect((await callError(co, 'retention.execute', { scartoId: exported.scartoId, sha256: '0'.repeat(64), confirm: true })).code).toBe('VALIDATION');
    expect((await callError(co, 'retention.execute', { scartoId: exported.scartoId, sha256: exported.sha256 })).code).toBe('VALIDATION');
    const before = await call(s.assistente_sociale.conn, 'cases.get', { id: cases.old });
    expect(before.diary.some((d) => d.testo === SECRET)).toBe(true);

    const done = await call(co, 'retention.execute', { scartoId: exported.scartoId, sha256: exported.sha256, confirm: true });
    expect(done).toMatchObject({ cartelle: 1, file: 1 });
    expect(done.celle).toBeGreaterThan(5);
    expect((await callError(co, 'retention.execute', { scartoId: exported.scartoId, sha256: exported.sha256, confirm: true })).code).toBe('CONFLICT');
    expect((await callError(co, 'retention.export', { caseIds: [cases.old], autorizzazione: AUT, note: '', passphrase: PASSPHRASE })).message).toMatch(/già stata scartata/);

    const after = await call(co, 'retention.candidates', {});
    expect(after.cases).toEqual([]);
    expect(after.scarti[0]).toMatchObject({ stato: 'eseguito', cartelle: 1, sha256: exported.sha256 });

    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    try {
      // The case row stays as the trace; no table, no change in the log, no conflict holds the text.
      expect(db.prepare('SELECT numero, stato, scarto_id FROM cases WHERE id = ?').get(cases.old)).toMatchObject({ stato: 'chiuso', scarto_id: exported.scartoId });
      expect(db.prepare('SELECT testo FROM diary_entries WHERE case_id = ?').all(cases.old)).toEqual([{ testo: '' }]);
      expect((db.prepare(`SELECT count(*) AS n FROM changes WHERE value LIKE ?`).get(`%${SECRET}%`) as { n: number }).n).toBe(0);
      const tables = (
        db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' AND name NOT IN ('audit_log', 'admin_log')`).all() as { name: string }[]
      ).map((t) => t.name);
      for (const t of tables) {
        const cols = (db.prepare(`SELECT name FROM pragma_table_info(?) WHERE type = 'TEXT'`).all(t) as { name: string }[]).map((c) => c.name);
        for (const c of cols) expect((db.prepare(`SELECT count(*) AS n FROM "${t}" WHERE "${c}" LIKE ?`).get(`%${SECRET}%`) as { n: number }).n, `${t}.${c}`).toBe(0);
      }
      // The act is in the admin log with the authorisation and the export's hash; the logs name ids, not contents.
      const logged = db.prepare(`SELECT action, subject_id, detail FROM admin_log WHERE action LIKE 'retention.%' AND outcome = 'ok' ORDER BY seq`).all() as {
        action: string;
        subject_id: string | null;
        detail: string;
      }[];
      expect(logged.map((r) => r.action)).toEqual(['retention.candidates', 'retention.candidates', 'retention.export', 'retention.execute', 'retention.candidates']);
      const exec = logged.find((r) => r.action === 'retention.execute')!;
      expect(exec.subject_id).toBe(exported.scartoId);
      expect(exec.detail).toContain('1234/2026');
      expect(exec.detail).toContain(exported.sha256);
      for (const log of ['audit_log', 'admin_log']) expect((db.prepare(`SELECT count(*) AS n FROM ${log} WHERE detail LIKE ?`).get(`%${SECRET}%`) as { n: number }).n).toBe(0);
    } finally {
      db.close();
    }
    // The attachment's encrypted file is gone from the data folder; only the kept export is left (scarto-archive.test.ts).
    expect(fs.readdirSync(path.join(dataDir, 'allegati'))).toEqual([`scarto-${exported.scartoId}.udca`]);
    // The chains are intact after the erasure.
    const verify = await call(s.coordinatore.conn, 'audit.verify', {});
    expect(verify.data.ok && verify.admin.ok).toBe(true);
  });

  it('no other channel removes a case file: no channel is named for deleting, and no SQL outside the writer deletes case tables', () => {
    const removing = Object.keys(contract).filter((name) => /delete|remove|elimina|cancella|purge|erase|scarto/i.test(name));
    // The logo is the zone's picture; a household member leaves a nucleo (the row stays, closed): neither is a case file.
    expect(removing.sort()).toEqual(['households.removeMember', 'letterSettings.removeLogo']);
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(ts|sql)$/.test(e.name)) sources.push(p);
      }
    };
    walk(path.resolve(__dirname, '../../electron/core'));
    const caseTables = [
      'cases',
      'case_status_history',
      'case_operators',
      'diary_entries',
      'diary_versions',
      'pai',
      'pai_objectives',
      'interventions',
      'deliveries',
      'attachments',
      'documents',
    ];
    const offenders = sources.filter((file) => caseTables.some((t) => new RegExp(`DELETE\\s+FROM\\s+${t}\\b`, 'i').test(fs.readFileSync(file, 'utf8'))));
    expect(offenders).toEqual([]);
  });
});
