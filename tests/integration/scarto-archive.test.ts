import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, sendUpload, setUpZone } from '../support/core-harness';
import { personWithCf, sedeId, staff } from '../support/cartella-fixtures';

/*
 * The export written before a scarto is kept by the program: listed under «Scarti registrati»
 * with its date, authorisation and counts, opened again with its passphrase (even after the
 * files were emptied), saved again byte for byte; the coordinator's alone, every act audited.
 */

let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let dataDir = '';
let caseId = '';
let numero = '';
const SECRET = 'Diario-da-archiviare-Qw47';
const PASSPHRASE = 'frase lunga per l’archivio';
const AUT = { ente: 'Soprintendenza archivistica e bibliografica dell’Umbria e delle Marche', numero: '77/2026', data: '2026-02-10' };
let exported: { scartoId: string; sha256: string; bytes: Buffer };

beforeAll(async () => {
  const zone = await setUpZone();
  dataDir = zone.dataDir;
  s = await staff(zone.core, zone.admin);
  const as = s.assistente_sociale.conn;
  const personId = (await call(as, 'persons.create', personWithCf({ cognome: 'Archivi', nome: 'Ornella', sesso: 'F', dataNascita: '1948-04-04' }))).person.id;
  const opened = await call(as, 'cases.open', { personId, sedeId: await sedeId(as, 'Narni'), area: 'anziani', problematiche: [], apertaIl: '2011-01-10' });
  caseId = opened.caseId;
  numero = opened.numero;
  await call(as, 'diary.create', { caseId, tipo: 'colloquio', data: '2012-05-05', ora: '', luogo: '', partecipanti: '', testo: SECRET, riservato: false, nominati: [] });
  const uploadId = await sendUpload(as, Buffer.from(`Relazione: ${SECRET}\n`));
  await call(as, 'attachments.upload', { caseId, nomeFile: 'relazione.txt', descrizione: 'relazione', uploadId });
  await call(as, 'cases.setStatus', { id: caseId, stato: 'chiuso', data: '2013-06-30', motivo: 'Trasferita' });
  const co = s.coordinatore.conn;
  const made = await call(co, 'retention.export', { caseIds: [caseId], autorizzazione: AUT, note: 'Verbale 3/2026', passphrase: PASSPHRASE });
  exported = { scartoId: made.scartoId, sha256: made.sha256, bytes: await receiveDownload(co, made.downloadId) };
}, 120_000);

describe('scarti registrati: l’esportazione conservata', () => {
  it('is listed with its date, authorisation and counts, and kept encrypted in the data folder under the scarto’s id', async () => {
    const list = await call(s.coordinatore.conn, 'retention.candidates', {});
    expect(list.scarti.map((x) => [x.id, x.cartelle, x.numeri, x.conservato])).toEqual([[exported.scartoId, 1, [numero], true]]);
    expect(list.scarti[0]!.autorizzazione).toContain('n. 77/2026 del 10/02/2026');
    expect(list.scarti[0]!.dimensione).toBe(exported.bytes.length);
    const kept = path.join(dataDir, 'allegati', `scarto-${exported.scartoId}.udca`);
    expect(fs.existsSync(kept)).toBe(true);
    const raw = fs.readFileSync(kept);
    expect(raw.includes(Buffer.from(SECRET))).toBe(false);
    expect(raw.includes(Buffer.from('UDC-SCARTO'))).toBe(false);
  });

  it('«Salva copia» hands back the very bytes of the export', async () => {
    const copy = await call(s.coordinatore.conn, 'retention.saveCopy', { scartoId: exported.scartoId });
    const bytes = await receiveDownload(s.coordinatore.conn, copy.downloadId);
    expect(bytes.equals(exported.bytes)).toBe(true);
    expect(copy.sha256).toBe(exported.sha256);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(exported.sha256);
    expect(copy.nomeFile).toMatch(/^scarto-\d{4}-\d\d-\d\d-[0-9a-f]{8}\.udcscarto$/);
  });

  it('«Apri» needs the passphrase; with it, lists the case file, its rows and its file, before and after the scarto', async () => {
    const co = s.coordinatore.conn;
    const wrong = await callError(co, 'retention.open', { scartoId: exported.scartoId, passphrase: 'una frase sbagliata qualsiasi' });
    expect(wrong.code).toBe('VALIDATION');
    expect(wrong.message).toMatch(/Frase di cifratura errata/);
    const before = await call(co, 'retention.open', { scartoId: exported.scartoId, passphrase: PASSPHRASE });
    expect(before.cartelle).toEqual([expect.objectContaining({ numero, persona: 'Archivi Ornella', apertaIl: '2011-01-10', chiusaIl: '2013-06-30', allegati: 1 })]);
    expect(before.cartelle[0]!.righe).toBeGreaterThanOrEqual(3);
    expect(before).toMatchObject({ note: 'Verbale 3/2026', allegati: 1 });
    expect(JSON.stringify(before)).not.toContain(SECRET);

    await call(co, 'retention.execute', { scartoId: exported.scartoId, sha256: exported.sha256, confirm: true });
    const after = await call(co, 'retention.open', { scartoId: exported.scartoId, passphrase: PASSPHRASE });
    expect(after).toEqual(before);
    expect((await call(co, 'retention.candidates', {})).scarti[0]).toMatchObject({ stato: 'eseguito', conservato: true });
  });

  it('is the coordinator’s alone', async () => {
    for (const p of ['amministratore', 'assistente_sociale', 'amministrativo'] as const) {
      expect((await callError(s[p].conn, 'retention.open', { scartoId: exported.scartoId, passphrase: PASSPHRASE })).code, p).toBe('FORBIDDEN');
      expect((await callError(s[p].conn, 'retention.saveCopy', { scartoId: exported.scartoId })).code, p).toBe('FORBIDDEN');
    }
  });

  it('an altered kept file is refused, not opened; a missing one is said to be not kept', async () => {
    const co = s.coordinatore.conn;
    const kept = path.join(dataDir, 'allegati', `scarto-${exported.scartoId}.udca`);
    const good = fs.readFileSync(kept);
    const bad = Buffer.from(good);
    bad[bad.length - 20]! ^= 0xff;
    fs.writeFileSync(kept, bad);
    expect((await callError(co, 'retention.saveCopy', { scartoId: exported.scartoId })).message).toMatch(/alterato/);
    fs.rmSync(kept);
    expect((await call(co, 'retention.candidates', {})).scarti[0]!.conservato).toBe(false);
    expect((await callError(co, 'retention.open', { scartoId: exported.scartoId, passphrase: PASSPHRASE })).code).toBe('NOT_FOUND');
    fs.writeFileSync(kept, good);
  });

  it('every opening and copy is in the administrators’ log, the failed opening too, naming the scarto and no passphrase; the others’ attempts as refused', async () => {
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    try {
      const rows = db
        .prepare(`SELECT action, outcome, subject_id, detail FROM admin_log WHERE action IN ('retention.open', 'retention.saveCopy') AND username = ? ORDER BY seq`)
        .all(s.coordinatore.username) as {
        action: string;
        outcome: string;
        subject_id: string;
        detail: string;
      }[];
      expect(rows.map((r) => [r.action, r.outcome])).toEqual([
        ['retention.saveCopy', 'ok'],
        ['retention.open', 'error'],
        ['retention.open', 'ok'],
        ['retention.open', 'ok'],
      ]);
      const denied = db.prepare(`SELECT count(*) AS n FROM admin_log WHERE action IN ('retention.open', 'retention.saveCopy') AND outcome = 'denied'`).get() as { n: number };
      expect(denied.n).toBe(6);
      for (const r of rows) {
        expect(r.subject_id).toBe(exported.scartoId);
        expect(r.detail).not.toContain(PASSPHRASE);
      }
    } finally {
      db.close();
    }
  });
});
