import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection, Core } from '../../electron/core/app';
import { addDays } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { ADMIN, call, callError, confirmPending, filesUnder, inspectDatabase, receiveDownload, sendUpload, setUpZone } from '../support/core-harness';
import { TODAY, personWithCf, sedeId, staff } from '../support/cartella-fixtures';

let core: Core;
let dataDir: string;
let s: Record<Profile, { id: string; conn: Connection; username: string }>;
let caseId: string;
let personId: string;

beforeAll(async () => {
  const zone = await setUpZone();
  core = zone.core;
  dataDir = zone.dataDir;
  s = await staff(core, zone.admin);
  const p = await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Marini', nome: 'Teresa', sesso: 'F', dataNascita: '1968-10-10' }));
  personId = p.person.id;
  const opened = await call(s.assistente_sociale.conn, 'cases.open', {
    personId,
    sedeId: await sedeId(s.assistente_sociale.conn, 'Amelia'),
    area: 'famiglia_minori',
    problematiche: ['genitorialita'],
    apertaIl: TODAY,
  });
  caseId = opened.caseId;
  await call(s.assistente_sociale.conn, 'cases.assign', { id: caseId, userId: s.educatore.id, ruolo: 'co_operatore', dal: TODAY });
  await call(s.assistente_sociale.conn, 'cases.assign', { id: caseId, userId: s.psicologo.id, ruolo: 'co_operatore', dal: TODAY });
  // The psicologo's account is new: a second administrator confirms the riservato access.
  expect(await confirmPending(zone.admin)).toBe(1);
});

const colloquio = {
  tipo: 'colloquio' as const,
  data: TODAY,
  ora: '10:30',
  luogo: 'Sede di Amelia',
  partecipanti: 'Teresa Marini',
  testo: 'Primo colloquio: la signora racconta la situazione familiare.',
  riservato: false,
  nominati: [],
};

describe('diario', () => {
  it('records a colloquio; editing keeps the earlier version whole', async () => {
    const detail = await call(s.assistente_sociale.conn, 'diary.create', { caseId, ...colloquio });
    const entry = detail.diary.find((d) => d.tipo === 'colloquio')!;
    expect(entry).toMatchObject({ testo: colloquio.testo, versione: 1, autore: 'Utente assistente_sociale' });
    await call(s.assistente_sociale.conn, 'diary.update', { id: entry.id, ...colloquio, testo: 'Primo colloquio (corretto).' });
    const full = await call(s.assistente_sociale.conn, 'diary.get', { id: entry.id });
    expect(full.entry).toMatchObject({ testo: 'Primo colloquio (corretto).', versione: 2 });
    expect(full.versions.map((v) => [v.versione, v.testo])).toEqual([[1, colloquio.testo]]);
    expect((await callError(s.assistente_sociale.conn, 'diary.create', { caseId, ...colloquio, data: addDays(TODAY, 2) })).field).toBe('data');
  });

  it('a riservato note from the psicologo: the educatore sees that it exists, not what it says; the attempt is audited', async () => {
    const detail = await call(s.psicologo.conn, 'diary.create', { caseId, ...colloquio, testo: 'Nota riservata dello psicologo.', riservato: true });
    const note = detail.diary.find((d) => d.riservato)!;
    const eduView = await call(s.educatore.conn, 'cases.get', { id: caseId });
    expect(eduView.diary.find((d) => d.id === note.id)).toMatchObject({ testo: null, riservato: true, luogo: '' });
    const refused = await callError(s.educatore.conn, 'diary.get', { id: note.id });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toMatch(/nota riservata/);
    const asView = await call(s.assistente_sociale.conn, 'cases.get', { id: caseId });
    expect(asView.diary.find((d) => d.id === note.id)?.testo).toBeNull();
    // The header says "nata il" for her: the case carries the person's sex.
    expect(asView.person).toMatchObject({ dataNascita: '1968-10-10', sesso: 'F' });
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    expect(db.prepare(`SELECT username, outcome, detail FROM audit_log WHERE action = 'diary.get' AND outcome = 'denied'`).all()).toEqual([
      { username: s.educatore.username, outcome: 'denied', detail: 'Nota riservata' },
    ]);
    db.close();
  });

  it('a riservato note names the people who may read it', async () => {
    const detail = await call(s.assistente_sociale.conn, 'diary.create', {
      caseId,
      ...colloquio,
      testo: 'Riservata, condivisa con l’educatore.',
      riservato: true,
      nominati: [s.educatore.id],
    });
    const note = detail.diary.find((d) => d.testo === 'Riservata, condivisa con l’educatore.')!;
    expect((await call(s.educatore.conn, 'diary.get', { id: note.id })).entry.testo).toBe('Riservata, condivisa con l’educatore.');
    expect((await call(s.psicologo.conn, 'diary.get', { id: note.id })).entry.testo).toBe('Riservata, condivisa con l’educatore.');
  });
});

describe('PAI, interventi, stati, operatori', () => {
  it('a PAI with three objectives and a review date that becomes a due item', async () => {
    const start = addDays(TODAY, -70);
    const detail = await call(s.assistente_sociale.conn, 'pai.save', {
      caseId,
      dataAvvio: start,
      revisioneMesi: 3,
      note: '',
      obiettivi: [
        { termine: 'breve', descrizione: 'Iscrizione al centro per l’impiego', esito: 'in_corso', esitoNote: '' },
        { termine: 'medio', descrizione: 'Inserimento del figlio al centro diurno', esito: 'in_corso', esitoNote: '' },
        { termine: 'lungo', descrizione: 'Autonomia abitativa', esito: 'in_corso', esitoNote: '' },
      ],
    });
    const pai = detail.pai[0]!;
    expect(pai.obiettivi.map((o) => o.termine)).toEqual(['breve', 'medio', 'lungo']);
    expect(pai.prossimaRevisione > TODAY).toBe(true);
    const due = await call(s.assistente_sociale.conn, 'dueItems.list', {});
    expect(due.find((d) => d.kind === 'pai_revisione')).toMatchObject({ caseId, scaduto: false });
    const dropped = await callError(s.assistente_sociale.conn, 'pai.save', { id: pai.id, caseId, dataAvvio: start, revisioneMesi: 3, note: '', obiettivi: pai.obiettivi.slice(1) });
    expect(dropped.message).toMatch(/non si cancella/);
    expect((await callError(s.assistente_sociale.conn, 'pai.save', { caseId, dataAvvio: TODAY, revisioneMesi: 6, note: '', obiettivi: [] })).message).toMatch(
      /almeno un obiettivo/,
    );
  });

  it('interventions with INPS code and deliveries; quotas must add up', async () => {
    const detail = await call(s.assistente_sociale.conn, 'interventions.save', {
      caseId,
      prestazioneCodice: 'a1.05.01',
      descrizione: 'Contributo economico per il canone',
      dataInizio: TODAY,
      dataFine: null,
      importoCents: 30000,
      quotaEnteCents: 25000,
      quotaUtenteCents: 5000,
      oreMensili: null,
      stato: 'attivo',
    });
    const iv = detail.interventions[0]!;
    expect(iv.prestazioneCodice).toBe('A1.05.01');
    const withDelivery = await call(s.assistente_sociale.conn, 'interventions.addDelivery', {
      interventionId: iv.id,
      data: TODAY,
      importoCents: 30000,
      quotaEnteCents: 25000,
      quotaUtenteCents: 5000,
      ore: null,
      note: 'Bonifico',
    });
    expect(withDelivery.interventions[0]!.erogazioni).toHaveLength(1);
    const bad = await callError(s.assistente_sociale.conn, 'interventions.addDelivery', {
      interventionId: iv.id,
      data: TODAY,
      importoCents: 30000,
      quotaEnteCents: 20000,
      quotaUtenteCents: 5000,
      ore: null,
      note: '',
    });
    expect(bad.message).toMatch(/devono dare l’importo totale/);
    expect(
      (
        await callError(s.assistente_sociale.conn, 'interventions.save', {
          caseId,
          prestazioneCodice: 'contributo',
          descrizione: 'x',
          dataInizio: TODAY,
          dataFine: null,
          importoCents: null,
          quotaEnteCents: null,
          quotaUtenteCents: null,
          oreMensili: null,
          stato: 'previsto',
        })
      ).message,
    ).toMatch(/A1\.05\.01/);
  });

  it('state changes follow the allowed transitions, with reasons, and keep their history', async () => {
    await call(s.assistente_sociale.conn, 'cases.setStatus', { id: caseId, stato: 'in_carico', data: TODAY, motivo: '' });
    const bad = await callError(s.assistente_sociale.conn, 'cases.setStatus', { id: caseId, stato: 'aperto', data: TODAY, motivo: 'x' });
    expect(bad.message).toMatch(/non può passare/);
    expect((await callError(s.assistente_sociale.conn, 'cases.setStatus', { id: caseId, stato: 'sospeso', data: TODAY, motivo: '' })).field).toBe('motivo');
    const detail = await call(s.assistente_sociale.conn, 'cases.setStatus', { id: caseId, stato: 'sospeso', data: TODAY, motivo: 'Trasferimento temporaneo fuori zona' });
    expect(detail.statusHistory.map((h) => h.stato)).toEqual(['aperto', 'in_carico', 'sospeso']);
    await call(s.assistente_sociale.conn, 'cases.setStatus', { id: caseId, stato: 'in_carico', data: TODAY, motivo: '' });
    expect((await callError(s.assistente_sociale.conn, 'cases.archive', { id: caseId, archiviata: true })).message).toMatch(/solo le cartelle chiuse/);
    const p = await call(s.amministrativo.conn, 'persons.create', personWithCf({ cognome: 'Archivio', nome: 'Prova', dataNascita: '1950-01-01' }));
    const other = await call(s.assistente_sociale.conn, 'cases.open', {
      personId: p.person.id,
      sedeId: await sedeId(s.assistente_sociale.conn, 'Narni'),
      area: 'anziani',
      problematiche: [],
      apertaIl: TODAY,
    });
    await call(s.assistente_sociale.conn, 'cases.setStatus', { id: other.caseId, stato: 'chiuso', data: TODAY, motivo: 'Obiettivi raggiunti' });
    const archived = await call(s.assistente_sociale.conn, 'cases.archive', { id: other.caseId, archiviata: true });
    expect(archived).toMatchObject({ stato: 'chiuso', archiviata: true, chiusaIl: TODAY });
    expect((await call(s.assistente_sociale.conn, 'cases.archive', { id: other.caseId, archiviata: false })).archiviata).toBe(false);
  });

  it('a transfer keeps the history of who was responsible and when', async () => {
    const other = await call(s.coordinatore.conn, 'users.create', {
      username: 'as.due',
      fullName: 'Seconda Assistente',
      profile: 'assistente_sociale',
      sedeId: null,
      password: 'Provvisoria-2026',
    });
    const detail = await call(s.coordinatore.conn, 'cases.assign', { id: caseId, userId: other.id, ruolo: 'responsabile', dal: TODAY, motivo: 'Cambio di zona di residenza' });
    const responsabili = detail.operators.filter((o) => o.ruolo === 'responsabile');
    expect(responsabili.map((o) => [o.fullName, o.al])).toEqual([
      ['Utente assistente_sociale', TODAY],
      ['Seconda Assistente', null],
    ]);
    expect(detail.diary).toEqual([]);
    const summary = await call(s.coordinatore.conn, 'cases.summary', { id: caseId });
    expect(summary.operators.length).toBeGreaterThanOrEqual(3);
    expect([summary.diary, summary.pai, summary.interventions, summary.attachments]).toEqual([[], [], [], []]);
    expect(summary.timeline.every((t) => t.kind === 'operatore')).toBe(true);
    expect(summary.problematiche).toEqual([]);
    expect(summary.statusHistory.every((h) => h.motivo === '')).toBe(true);
    expect((await callError(s.coordinatore.conn, 'cases.get', { id: caseId })).code).toBe('FORBIDDEN');
    expect((await callError(s.coordinatore.conn, 'cases.assign', { id: caseId, userId: s.amministrativo.id, ruolo: 'co_operatore', dal: TODAY })).message).toMatch(
      /non lavora sulle cartelle/,
    );
  });
});

describe('allegati', () => {
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

  it('a PDF with JavaScript run at opening is accepted but flagged in the list and when opened; a plain one is not', async () => {
    const active = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/OpenAction 2 0 R>>endobj\n2 0 obj<</S/JavaScript/JS(app.alert(1))>>endobj\ntrailer<<>>\n%%EOF\n');
    const detail = await call(s.psicologo.conn, 'attachments.upload', {
      caseId,
      nomeFile: 'modulo-attivo.pdf',
      descrizione: '',
      uploadId: await sendUpload(s.psicologo.conn, active),
    });
    const a = detail.attachments.find((x) => x.nome === 'modulo-attivo.pdf')!;
    // Found at upload and stored: the list warns before anyone opens the file.
    expect(a.avviso).toMatch(/^Il PDF contiene codice \(JavaScript\) o azioni automatiche/);
    expect((await call(s.psicologo.conn, 'cases.get', { id: caseId })).attachments.find((x) => x.id === a.id)?.avviso).toBe(a.avviso);
    const read = await call(s.psicologo.conn, 'attachments.read', { id: a.id });
    expect(read.avviso).toBe('Il PDF contiene codice (JavaScript) o azioni automatiche: non viene eseguito dal programma; aprilo con cautela fuori dal programma.');
    expect((await receiveDownload(s.psicologo.conn, read.downloadId)).equals(active)).toBe(true);
    const plain = await call(s.psicologo.conn, 'attachments.upload', { caseId, nomeFile: 'semplice.pdf', descrizione: '', uploadId: await sendUpload(s.psicologo.conn, pdf) });
    const p = plain.attachments.find((x) => x.nome === 'semplice.pdf')!;
    expect(p.avviso).toBe('');
    const readPlain = await call(s.psicologo.conn, 'attachments.read', { id: p.id });
    expect(readPlain.avviso).toBe('');
    await receiveDownload(s.psicologo.conn, readPlain.downloadId);
  });

  it('a file name with a right-to-left override is stored without it', async () => {
    const detail = await call(s.psicologo.conn, 'attachments.upload', {
      caseId,
      nomeFile: 'verbale\u202Efdp.exe',
      descrizione: '',
      uploadId: await sendUpload(s.psicologo.conn, pdf),
    });
    expect(detail.attachments.map((x) => x.nome)).toContain('verbalefdp.pdf');
  });

  it('stores a PDF encrypted, reads it back exactly, and audits the read', async () => {
    const sentinel = Buffer.concat([pdf, Buffer.from('Zqxwv-allegato-sentinella')]);
    const detail = await call(s.psicologo.conn, 'attachments.upload', {
      caseId,
      nomeFile: 'relazione.pdf',
      descrizione: 'Relazione',
      uploadId: await sendUpload(s.psicologo.conn, sentinel),
    });
    const a = detail.attachments.find((x) => x.nome === 'relazione.pdf')!;
    expect(a).toMatchObject({ tipo: 'pdf', dimensione: sentinel.length });
    const read = await call(s.educatore.conn, 'attachments.read', { id: a.id });
    expect(read.dimensione).toBe(sentinel.length);
    expect((await receiveDownload(s.educatore.conn, read.downloadId)).equals(sentinel)).toBe(true);
    expect(read.mime).toBe('application/pdf');
    const leaks = filesUnder(dataDir).filter((f) => fs.readFileSync(f).includes(Buffer.from('Zqxwv-allegato-sentinella')));
    expect(leaks).toEqual([]);
    expect(fs.readdirSync(path.join(dataDir, 'allegati')).every((f) => /^[0-9a-f-]{36}\.udca$/.test(f))).toBe(true);
  });

  it('refuses a renamed .exe, a file of 20 MB + 1 byte, and neutralises a hostile name', async () => {
    const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
    const e1 = await callError(s.psicologo.conn, 'attachments.upload', { caseId, nomeFile: 'documento.pdf', descrizione: '', uploadId: await sendUpload(s.psicologo.conn, exe) });
    expect(e1.message).toMatch(/programma eseguibile/);
    // Refused when the upload is announced, before a byte is sent.
    const e2 = await callError(s.psicologo.conn, 'uploads.start', { size: 20 * 1024 * 1024 + 1 });
    expect(e2.message).toMatch(/il limite è 20 MB/);
    const hostile = `../../${'a'.repeat(300)}\u0000CON.pdf`;
    const detail = await call(s.psicologo.conn, 'attachments.upload', { caseId, nomeFile: hostile, descrizione: '', uploadId: await sendUpload(s.psicologo.conn, pdf) });
    const names = detail.attachments.map((x) => x.nome);
    const stored = names.find((n) => n.startsWith('aaa'))!;
    expect(stored.length).toBeLessThanOrEqual(120);
    expect(stored.includes('/') || stored.includes('\\') || stored.includes('\u0000')).toBe(false);
    expect(stored.endsWith('.pdf')).toBe(true);
    const con = await call(s.psicologo.conn, 'attachments.upload', { caseId, nomeFile: 'CON.pdf', descrizione: '', uploadId: await sendUpload(s.psicologo.conn, pdf) });
    expect(con.attachments.map((x) => x.nome)).toContain('allegato_CON.pdf');
  });
});

describe('accesso in emergenza e chi ha consultato', () => {
  it('an unassigned social worker is refused, then opens the case with a stated reason; the coordinator sees it', async () => {
    await call(s.coordinatore.conn, 'users.create', {
      username: 'as.fuori',
      fullName: 'Assistente Esterna',
      profile: 'assistente_sociale',
      sedeId: null,
      password: 'Provvisoria-2026',
    });
    const conn = core.connect('test');
    await call(conn, 'auth.login', { username: 'as.fuori', password: 'Provvisoria-2026' });
    await call(conn, 'auth.changePassword', { currentPassword: 'Provvisoria-2026', newPassword: 'Esterna-2026-ok' });
    const summary = (await call(conn, 'persons.search', { query: 'marini teresa' })).results[0]!;
    expect(summary.cases[0]).toMatchObject({ id: caseId, accessibile: false });
    const refused = await callError(conn, 'cases.get', { id: caseId });
    expect(refused.message).toMatch(/accesso in emergenza/);
    expect((await callError(conn, 'cases.emergencyAccess', { id: caseId, motivo: 'breve' })).field).toBe('motivo');
    const opened = await call(conn, 'cases.emergencyAccess', { id: caseId, motivo: 'Chiamata dal pronto soccorso, collega assente' });
    expect(opened.emergenza).toBe(true);
    const list = await call(s.coordinatore.conn, 'privacy.emergencies', {});
    expect(list.find((e) => e.caseId === caseId)).toMatchObject({ user: 'Assistente Esterna', motivo: 'Chiamata dal pronto soccorso, collega assente', visto: false });
    const report = await call(s.coordinatore.conn, 'privacy.accessReport', { personId });
    const who = report.rows.map((r) => [r.username, r.action, r.outcome]);
    expect(who).toContainEqual(['as.fuori', 'cases.get', 'denied']);
    expect(who).toContainEqual(['as.fuori', 'cases.emergencyAccess', 'ok']);
    expect(report.rows.find((r) => r.action === 'cases.get' && r.username === 'as.fuori' && r.outcome === 'ok')?.purpose).toMatch(/^Accesso in emergenza: Chiamata/);
    await call(s.coordinatore.conn, 'privacy.markEmergencySeen', { id: list.find((e) => e.caseId === caseId)!.id });
    expect((await call(s.coordinatore.conn, 'privacy.emergencies', {})).find((e) => e.caseId === caseId)).toBeUndefined();
  });
});
