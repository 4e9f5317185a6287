import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import type Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import type { OutputOf } from '../../shared/contracts';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, confirmPending, inspectDatabase, receiveDownload, setUpZone, tempDir } from '../support/core-harness';
import { TODAY, person, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

/**
 * GDPR art. 15 and 18 through the real core. Anna (the subject) and Bruno share a household;
 * each has a case. Anna's export must hold every row of hers and, of Bruno, only what her own
 * file says of him (his name and relation in her household, his case's number): never his
 * codice fiscale, phone, ISEE or diary. A psicologo's riservato note on Anna's case keeps its
 * date and author but not its text.
 */
let users: Record<Profile, { id: string; conn: Connection; username: string }>;
let db: Database.Database;
const ids = { anna: '', bruno: '', annaCase: '', brunoCase: '', brunoNumero: '' };
const BRUNO = { telefono: '333 9999991', cfText: '' };
const SENTINELS = { annaDiary: 'Colloquio-di-Anna-7341', brunoDiary: 'Diario-di-Bruno-5522', reserved: 'Nota-riservata-psicologo-8813', brunoIsee: 1_234_567 };

/** The ZIP as our writer makes it (local headers carry the sizes): name → bytes. */
function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (buf.readUInt32LE(at) === 0x04034b50) {
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extraLen = buf.readUInt16LE(at + 28);
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const start = at + 30 + nameLen + extraLen;
    out.set(name, zlib.inflateRawSync(buf.subarray(start, start + size)));
    at = start + size;
  }
  return out;
}

type Bundle = { sezioni: Record<string, { righe: Record<string, unknown>[] }> };

let made: OutputOf<'rights.export'>;
let files: Map<string, Buffer>;
let json: Bundle;
let jsonText: string;
let pdf: Buffer;

beforeAll(async () => {
  const zone = await setUpZone();
  users = await staff(zone.core, zone.admin);
  const as = users.assistente_sociale.conn;
  const narni = await sedeId(as, 'Narni');
  const anna = await call(as, 'persons.create', personWithCf({ cognome: 'Annibali', nome: 'Anna', sesso: 'F', dataNascita: '1975-02-02', telefono: '333 1111111' }));
  const bruno = await call(as, 'persons.create', personWithCf({ cognome: 'Brunetti', nome: 'Bruno', dataNascita: '1972-03-03', telefono: BRUNO.telefono }));
  ids.anna = anna.person.id;
  ids.bruno = bruno.person.id;
  BRUNO.cfText = bruno.person.codiceFiscale;
  await call(as, 'households.addMember', { personId: ids.anna, memberPersonId: ids.bruno, parentela: 'coniuge', convivente: true, dal: TODAY });
  const isee = (personId: string, iseeCents: number) =>
    call(as, 'isee.save', { personId, anno: 2026, tipo: 'ordinario', iseCents: null, iseeCents, dsuProtocollo: '', dsuData: null, scadenza: `${TODAY.slice(0, 4)}-12-31` });
  await isee(ids.anna, 800_000);
  await isee(ids.bruno, SENTINELS.brunoIsee);
  await call(as, 'accessi.create', { personId: ids.anna, data: TODAY, sedeId: narni, inviatoDa: '', motivo: 'Richiesta di sostegno', esito: 'informazione', note: '' });
  ids.annaCase = (await call(as, 'cases.open', { personId: ids.anna, sedeId: narni, area: 'poverta', problematiche: [], apertaIl: TODAY })).caseId;
  const brunoCase = await call(as, 'cases.open', { personId: ids.bruno, sedeId: narni, area: 'dipendenze', problematiche: [], apertaIl: TODAY });
  ids.brunoCase = brunoCase.caseId;
  ids.brunoNumero = brunoCase.numero;
  await call(as, 'cases.assign', { id: ids.annaCase, userId: users.psicologo.id, ruolo: 'co_operatore', dal: TODAY });
  await confirmPending(zone.admin);
  const entry = { tipo: 'colloquio' as const, data: TODAY, ora: '', luogo: '', partecipanti: '', nominati: [] as string[] };
  await call(as, 'diary.create', { caseId: ids.annaCase, ...entry, riservato: false, testo: SENTINELS.annaDiary });
  await call(as, 'diary.create', { caseId: ids.brunoCase, ...entry, riservato: false, testo: SENTINELS.brunoDiary });
  await call(users.psicologo.conn, 'diary.create', { caseId: ids.annaCase, ...entry, riservato: true, testo: SENTINELS.reserved });
  await call(as, 'pai.save', {
    caseId: ids.annaCase,
    dataAvvio: TODAY,
    revisioneMesi: 6,
    note: 'PAI di Anna',
    obiettivi: [{ termine: 'breve', descrizione: 'Ricerca del lavoro', esito: 'in_corso', esitoNote: '' }],
  });
  await call(as, 'interventions.save', {
    caseId: ids.annaCase,
    prestazioneCodice: 'A1.05.01',
    descrizione: 'Contributo economico',
    dataInizio: TODAY,
    dataFine: null,
    importoCents: 25_000,
    quotaEnteCents: null,
    quotaUtenteCents: null,
    oreMensili: null,
    stato: 'attivo',
  });
  db = await inspectDatabase(zone.dataDir, ADMIN.username, ADMIN.password);

  const co = users.coordinatore.conn;
  made = await call(co, 'rights.export', { personId: ids.anna });
  pdf = await receiveDownload(co, made.pdf.downloadId);
  files = unzip(await receiveDownload(co, made.bundle.downloadId));
  jsonText = files.get('dati.json')!.toString('utf8');
  json = JSON.parse(jsonText) as Bundle;
}, 60_000);

afterAll(() => db?.close());

const count = (sql: string, ...args: unknown[]) => (db.prepare(sql).get(...args) as { n: number }).n;

describe('accesso dell’interessato (art. 15): l’estrazione', () => {
  it('has every row of the subject, section by section, as many as the database holds', () => {
    const expected: Record<string, number> = {
      anagrafica: 1,
      isee: count('SELECT count(*) AS n FROM isee WHERE person_id = ?', ids.anna),
      accessi_sportello: count('SELECT count(*) AS n FROM accessi WHERE person_id = ?', ids.anna),
      cartelle: count('SELECT count(*) AS n FROM cases WHERE person_id = ?', ids.anna),
      diario: count('SELECT count(*) AS n FROM diary_entries WHERE case_id = ?', ids.annaCase),
      pai: count('SELECT count(*) AS n FROM pai WHERE case_id = ?', ids.annaCase),
      pai_obiettivi: 1,
      interventi: count('SELECT count(*) AS n FROM interventions WHERE case_id = ?', ids.annaCase),
      operatori: count('SELECT count(*) AS n FROM case_operators WHERE case_id = ?', ids.annaCase),
      stati_cartella: count('SELECT count(*) AS n FROM case_status_history WHERE case_id = ?', ids.annaCase),
      nucleo: 2,
      cartelle_nucleo: 1,
    };
    for (const [key, n] of Object.entries(expected)) {
      expect(made.righe[key], key).toBe(n);
      expect(json.sezioni[key]!.righe.length, key).toBe(n);
    }
    expect(expected.diario).toBe(2);
    expect(json.sezioni.anagrafica!.righe[0]!['id']).toBe(ids.anna);
    expect(jsonText).toContain(SENTINELS.annaDiary);
  });

  it('holds nothing of Bruno beyond his name and relation in her household and his case’s number', () => {
    for (const text of [jsonText, ...[...files.values()].map((b) => b.toString('utf8'))]) {
      expect(text).not.toContain(BRUNO.telefono);
      expect(text).not.toContain(BRUNO.cfText);
      expect(text).not.toContain(SENTINELS.brunoDiary);
      expect(text).not.toContain(String(SENTINELS.brunoIsee));
      expect(text).not.toContain('dipendenze');
    }
    const bruno = json.sezioni.nucleo!.righe.find((r) => r['person_id'] === ids.bruno)!;
    expect(Object.keys(bruno).sort()).toEqual(['al', 'attivo', 'cognome', 'convivente', 'dal', 'id', 'nome', 'parentela', 'person_id']);
    expect(json.sezioni.cartelle_nucleo!.righe).toEqual([{ numero: ids.brunoNumero, aperta_il: TODAY, stato: expect.any(String) as unknown }]);
  });

  it('keeps a riservato note’s date, type and author profile, not its text', () => {
    expect(jsonText).not.toContain(SENTINELS.reserved);
    const reserved = json.sezioni.diario!.righe.find((r) => r['riservato'] === 1)!;
    expect(reserved['autore_profilo']).toBe('Psicologo');
    expect(reserved['testo']).toMatch(/^Nota riservata: il contenuto non è riportato/);
    expect(reserved['partecipanti']).toBe('');
  });

  it('lists who accessed her data and when, the actions in Italian, and records the export', () => {
    const log = json.sezioni.accessi_ai_dati!.righe;
    expect(log.length).toBeGreaterThan(5);
    expect(log.some((r) => r['utente'] === users.assistente_sociale.username && r['profilo'] === 'Assistente sociale')).toBe(true);
    for (const r of log) expect(String(r['azione'])).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'rights.export' AND subject_id = ? AND username = ?`, ids.anna, users.coordinatore.username)).toBe(1);
  });

  it('a CSV per section (BOM, “;”) and a PDF on A4 whose text names the subject and the sections, not Bruno’s data', () => {
    expect(files.get('diario.csv')!.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(files.get('diario.csv')!.toString('utf8')).toContain(';');
    expect(made.pdf.nome).toMatch(/^accesso-dati-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const dir = tempDir('udc-rights-');
    const file = path.join(dir, 'export.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (const s of ['Accesso ai dati personali (art. 15 GDPR)', 'Annibali Anna', 'Diario', SENTINELS.annaDiary, 'Chi ha consultato o trattato i dati']) expect(text).toContain(s);
    expect(text).not.toContain(BRUNO.telefono);
    expect(text).not.toContain(SENTINELS.reserved);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*\(A4\)/);
  });
});

describe('limitazione del trattamento (art. 18)', () => {
  const search = async (profile: Profile, query: string) => (await call(users[profile].conn, 'persons.search', { query, limit: 50 })).results.map((r) => r.id);

  it('hides the person from every search but the coordinator’s, refuses writes, shows the restriction on her page', async () => {
    const co = users.coordinatore.conn;
    const as = users.assistente_sociale.conn;
    expect(await search('assistente_sociale', 'Annibali')).toEqual([ids.anna]);
    const restricted = await call(co, 'rights.restrict', { personId: ids.anna, motivo: 'L’interessata contesta l’esattezza dei dati' });
    expect(restricted.limitazione?.motivo).toBe('L’interessata contesta l’esattezza dei dati');
    for (const p of ['assistente_sociale', 'amministrativo', 'mediatore_sal'] as const) {
      expect(await search(p, 'Annibali'), p).toEqual([]);
      expect(await search(p, ''), p).not.toContain(ids.anna);
    }
    expect(await search('coordinatore', 'Annibali')).toEqual([ids.anna]);
    expect(await search('assistente_sociale', 'Brunetti')).toEqual([ids.bruno]);

    const refused = await callError(as, 'persons.update', { ...person({ cognome: 'Annibali', nome: 'Anna' }), id: ids.anna });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/limitato \(art\. 18 GDPR\)/);
    expect(refused.message).not.toContain('Annibali');
    // Her page still opens (read-only) and says so; the reason is the coordinator's.
    expect((await call(as, 'persons.get', { id: ids.anna })).person.id).toBe(ids.anna);
    const seen = await call(as, 'rights.status', { personId: ids.anna });
    expect(seen.limitazione).not.toBeNull();
    expect(seen.limitazione?.motivo).toBe('');
    expect(seen.storico).toEqual([]);
    expect(seen.puoGestire).toBe(false);
    expect((await callError(co, 'rights.restrict', { personId: ids.anna, motivo: 'Ancora una volta' })).code).toBe('CONFLICT');
  });

  it('lifting it gives back search and writes, and the history keeps both acts', async () => {
    const co = users.coordinatore.conn;
    const lifted = await call(co, 'rights.lift', { personId: ids.anna, motivo: 'Dati verificati e corretti' });
    expect(lifted.limitazione).toBeNull();
    expect(lifted.storico).toHaveLength(1);
    expect(lifted.storico[0]).toMatchObject({ motivoRevoca: 'Dati verificati e corretti', dispostaDa: 'Utente coordinatore', revocataDa: 'Utente coordinatore' });
    expect(await search('assistente_sociale', 'Annibali')).toEqual([ids.anna]);
    const again = await call(users.assistente_sociale.conn, 'accessi.create', {
      personId: ids.anna,
      data: TODAY,
      sedeId: await sedeId(co, 'Narni'),
      inviatoDa: '',
      motivo: 'Dopo la revoca',
      esito: 'informazione',
      note: '',
    });
    expect(again.accessi.length).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action IN ('rights.restrict', 'rights.lift') AND subject_id = ?`, ids.anna)).toBe(2);
  });
});
