import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, inspectDatabase, receiveDownload, setUpZone } from '../support/core-harness';
import { cfFor, person, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let dataDir: string;
const Q = '2026-T3';

type PersonInput = InputOf<'persons.create'>;
const withCf = personWithCf({ cognome: 'Ferri', nome: 'Giulia', sesso: 'F', dataNascita: '1975-03-04' });
const withoutCf: PersonInput = person({ cognome: 'Conti', nome: 'Paolo', codiceFiscale: '' });
let people: { a: string; b: string };
let cases: { a: { id: string; numero: string }; b: { id: string; numero: string } };
let interventions: { a: string; b: string };

const ivA = {
  prestazioneCodice: 'A1.05.01',
  descrizione: 'Contributo per il canone',
  dataInizio: '2026-07-01',
  dataFine: null,
  importoCents: 30000,
  quotaEnteCents: 25000,
  quotaUtenteCents: 5000,
  oreMensili: null,
  stato: 'attivo' as const,
};
// Assistenza domiciliare recorded without amounts: the flow cannot take it as it is.
const ivB = { ...ivA, prestazioneCodice: 'A1.02.03', descrizione: 'Assistenza domiciliare', importoCents: null, quotaEnteCents: null, quotaUtenteCents: null };

async function delivery(interventionId: string, data: string, importoCents: number | null, quotaEnteCents: number | null, quotaUtenteCents: number | null) {
  await call(s.assistente_sociale.conn, 'interventions.addDelivery', { interventionId, data, importoCents, quotaEnteCents, quotaUtenteCents, ore: null, note: '' });
}

/** The CSV as written: BOM, `;`, CRLF; a header row and one row per record. */
function parseCsv(bytes: Buffer): Record<string, string>[] {
  const text = bytes.toString('utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const [header, ...rows] = text
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((l) => l.split(';'));
  return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i] ?? ''])));
}

async function exportCsv(conn: Connection) {
  const out = await call(conn, 'siuss.export', { periodo: Q, formato: 'csv' });
  const bytes = await receiveDownload(conn, out.downloadId);
  return { out, bytes, rows: parseCsv(bytes) };
}

beforeAll(async () => {
  const zone = await setUpZone();
  dataDir = zone.dataDir;
  s = await staff(zone.core, zone.admin);
  const as = s.assistente_sociale.conn;
  const sede = await sedeId(as, 'Narni');
  const a = (await call(s.amministrativo.conn, 'persons.create', withCf)).person.id;
  const b = (await call(s.amministrativo.conn, 'persons.create', withoutCf)).person.id;
  people = { a, b };
  const open = (personId: string, area: 'poverta' | 'anziani') => call(as, 'cases.open', { personId, sedeId: sede, area, problematiche: [], apertaIl: '2026-06-15' });
  const ca = await open(a, 'poverta');
  const cb = await open(b, 'anziani');
  cases = { a: { id: ca.caseId, numero: ca.numero }, b: { id: cb.caseId, numero: cb.numero } };
  await call(as, 'cases.setStatus', { id: ca.caseId, stato: 'in_carico', data: '2026-06-20', motivo: '' });
  const da = await call(as, 'interventions.save', { caseId: ca.caseId, ...ivA });
  const db = await call(as, 'interventions.save', { caseId: cb.caseId, ...ivB });
  interventions = { a: da.interventions[0]!.id, b: db.interventions[0]!.id };
  await delivery(interventions.a, '2026-07-31', 30000, 25000, 5000);
  await delivery(interventions.a, '2026-08-31', 30000, 25000, 5000);
  // After the quarter: not in its flow.
  await delivery(interventions.a, '2026-10-31', 30000, 25000, 5000);
  await delivery(interventions.b, '2026-09-15', null, null, null);
});

describe('flusso SIUSS', () => {
  it('Verifica lists every erogazione that fails a rule, in Italian, naming the case file and the intervento; none is dropped', async () => {
    const check = await call(s.coordinatore.conn, 'siuss.verify', { periodo: Q });
    expect(check).toMatchObject({ periodo: Q, fine: '2026-09-30', inserimenti: 2, cancellazioni: 0, arretrati: 0 });
    expect(check.errori).toHaveLength(1);
    const [issue] = check.errori;
    expect(issue).toMatchObject({ caseId: cases.b.id, caseNumero: cases.b.numero, interventionId: interventions.b });
    expect(issue!.dove).toBe(`Cartella ${cases.b.numero}, intervento «Assistenza domiciliare» (A1.02.03), erogazione del 15/09/2026`);
    expect(issue!.problemi.map((p) => p.campo)).toEqual(['codiceFiscale', 'importo', 'quotaEnte']);
    expect(issue!.problemi[0]!.messaggio).toMatch(/manca il codice fiscale/);
    expect(issue!.problemi[1]!.messaggio).toMatch(/manca l’importo/);
    // Every erogazione up to the quarter's end is either a record or an error.
    expect(check.inserimenti + check.errori.length).toBe(3);
  });

  it('Esporta is refused while an erogazione needs fixing, and writes no batch', async () => {
    const refused = await callError(s.amministrativo.conn, 'siuss.export', { periodo: Q, formato: 'csv' });
    expect(refused.code).toBe('VALIDATION');
    expect(refused.message).toBe('1 erogazione va corretta prima dell’esportazione: premi «Verifica» per l’elenco.');
    expect((await call(s.coordinatore.conn, 'siuss.batches', {})).batches).toEqual([]);
  });

  it('once fixed, exports every record as I with the fields of the flow; the file’s hash is kept with the batch', async () => {
    await call(s.amministrativo.conn, 'persons.update', { ...withoutCf, codiceFiscale: cfFor(withoutCf), id: people.b });
    await call(s.assistente_sociale.conn, 'interventions.save', {
      id: interventions.b,
      caseId: cases.b.id,
      ...ivB,
      importoCents: 12000,
      quotaEnteCents: 12000,
      quotaUtenteCents: 0,
    });
    const check = await call(s.coordinatore.conn, 'siuss.verify', { periodo: Q });
    expect(check).toMatchObject({ inserimenti: 3, cancellazioni: 0, errori: [] });

    const { out, bytes, rows } = await exportCsv(s.amministrativo.conn);
    expect(out.nome).toBe('siuss-2026-T3-invio-1.csv');
    expect(out.batch).toMatchObject({ numero: 1, periodo: Q, inserimenti: 3, cancellazioni: 0, utente: 'Utente amministrativo', formato: 'csv' });
    expect(out.batch.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(rows.map((r) => r.TipoOperazione)).toEqual(['I', 'I', 'I']);
    const a = rows.filter((r) => r.NumeroCartella === cases.a.numero);
    expect(a).toHaveLength(2);
    expect(a[0]).toMatchObject({
      CodiceFiscaleBeneficiario: withCf.codiceFiscale,
      Cognome: 'Ferri',
      CodicePrestazione: 'A1.05.01',
      DataInizio: '01/07/2026',
      DataFine: '',
      DataErogazione: '31/07/2026',
      Importo: '300,00',
      QuotaEnte: '250,00',
      QuotaUtente: '50,00',
      OreMensili: '',
      PresaInCarico: 'S',
      AreaUtenza: '3',
    });
    // The erogazione without amounts takes the intervento's; its case was never "in carico".
    expect(rows.find((r) => r.NumeroCartella === cases.b.numero)).toMatchObject({
      CodiceFiscaleBeneficiario: cfFor(withoutCf),
      Importo: '120,00',
      PresaInCarico: 'N',
      AreaUtenza: '2',
    });
  });

  it('a second export sends nothing already sent', async () => {
    const check = await call(s.coordinatore.conn, 'siuss.verify', { periodo: Q });
    expect(check).toMatchObject({ inserimenti: 0, cancellazioni: 0, errori: [] });
    const refused = await callError(s.coordinatore.conn, 'siuss.export', { periodo: Q, formato: 'csv' });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: 'Nulla da inviare per il 3º trimestre 2026: ogni erogazione è già stata esportata.' });
  });

  it('an annulled intervento sends C records of what was sent; a late erogazione is an I; a correction is a C then an I', async () => {
    await call(s.assistente_sociale.conn, 'interventions.save', { id: interventions.a, caseId: cases.a.id, ...ivA, stato: 'annullato' });
    await delivery(interventions.b, '2026-08-10', 12000, 12000, 0);
    const check = await call(s.coordinatore.conn, 'siuss.verify', { periodo: Q });
    expect(check).toMatchObject({ inserimenti: 1, cancellazioni: 2, errori: [] });
    const second = await exportCsv(s.coordinatore.conn);
    expect(second.out.batch).toMatchObject({ numero: 2, inserimenti: 1, cancellazioni: 2 });
    const cancelled = second.rows.filter((r) => r.TipoOperazione === 'C');
    expect(cancelled.map((r) => [r.NumeroCartella, r.DataErogazione, r.Importo])).toEqual([
      [cases.a.numero, '31/07/2026', '300,00'],
      [cases.a.numero, '31/08/2026', '300,00'],
    ]);
    expect(second.rows.filter((r) => r.TipoOperazione === 'I').map((r) => r.DataErogazione)).toEqual(['10/08/2026']);

    // A changed prestazione code: each erogazione sent is cancelled as sent and sent again.
    await call(s.assistente_sociale.conn, 'interventions.save', {
      id: interventions.b,
      caseId: cases.b.id,
      ...ivB,
      prestazioneCodice: 'A1.02.04',
      importoCents: 12000,
      quotaEnteCents: 12000,
      quotaUtenteCents: 0,
    });
    const third = await exportCsv(s.coordinatore.conn);
    expect(third.rows.map((r) => [r.TipoOperazione, r.DataErogazione, r.CodicePrestazione])).toEqual([
      ['C', '10/08/2026', 'A1.02.03'],
      ['I', '10/08/2026', 'A1.02.04'],
      ['C', '15/09/2026', 'A1.02.03'],
      ['I', '15/09/2026', 'A1.02.04'],
    ]);
    // The annulled intervento's erogazione after the quarter was never sent: nothing to cancel, later either.
    const later = await call(s.coordinatore.conn, 'siuss.verify', { periodo: '2026-T4' });
    expect(later).toMatchObject({ inserimenti: 0, cancellazioni: 0, errori: [] });
  });

  it('writes the same records as an XLSX workbook', async () => {
    await call(s.assistente_sociale.conn, 'interventions.save', {
      id: interventions.b,
      caseId: cases.b.id,
      ...ivB,
      prestazioneCodice: 'A1.02.04',
      importoCents: 12000,
      quotaEnteCents: 12000,
      quotaUtenteCents: 0,
      stato: 'annullato',
    });
    const out = await call(s.coordinatore.conn, 'siuss.export', { periodo: Q, formato: 'xlsx' });
    expect(out).toMatchObject({
      nome: 'siuss-2026-T3-invio-4.xlsx',
      mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      batch: { inserimenti: 0, cancellazioni: 2 },
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'udc-siuss-')), out.nome);
    fs.writeFileSync(file, await receiveDownload(s.coordinatore.conn, out.downloadId));
    // Python's zipfile checks every entry's CRC and reads the sheet back.
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\nsys.stdout.write(z.read("xl/worksheets/sheet1.xml").decode("utf-8"))';
    const sheet = execFileSync('python3', ['-c', script, file], { encoding: 'utf8' });
    const cells = [...sheet.matchAll(/<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => m[1]);
    expect(cells.filter((c) => c === 'C')).toHaveLength(2);
    expect(cells.filter((c) => c === cfFor(withoutCf))).toHaveLength(2);
    expect(sheet).toContain('TipoOperazione');
  });

  it('keeps the history of batches, newest first, with who and the file hash', async () => {
    const { batches } = await call(s.amministrativo.conn, 'siuss.batches', {});
    expect(batches.map((b) => [b.numero, b.inserimenti, b.cancellazioni, b.utente])).toEqual([
      [4, 0, 2, 'Utente coordinatore'],
      [3, 2, 2, 'Utente coordinatore'],
      [2, 1, 2, 'Utente coordinatore'],
      [1, 3, 0, 'Utente amministrativo'],
    ]);
    expect(batches.every((b) => /^[0-9a-f]{64}$/.test(b.sha256))).toBe(true);
    // Each line of each batch is kept with the data sent; each person in a file is an audited export.
    await expect
      .poll(
        async () => {
          const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
          try {
            const lines = db.prepare('SELECT b.numero, r.tipo FROM siuss_records r JOIN siuss_batches b ON b.id = r.batch_id ORDER BY b.numero, r.ordine').all();
            const audited = db.prepare(`SELECT DISTINCT subject_id FROM audit_log WHERE action = 'siuss.export' AND subject_type = 'persona' ORDER BY subject_id`).all();
            return { lines: lines.length, audited: (audited as { subject_id: string }[]).map((r) => r.subject_id) };
          } finally {
            db.close();
          }
        },
        { timeout: 10_000 },
      )
      .toEqual({ lines: 12, audited: [people.a, people.b].sort() });
  });

  it('a social worker may not export the zone’s flow', async () => {
    expect((await callError(s.assistente_sociale.conn, 'siuss.verify', { periodo: Q })).code).toBe('FORBIDDEN');
  });
});
