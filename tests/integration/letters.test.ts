import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InputOf } from '../../shared/contracts';
import { formatLongItalianDate } from '../../shared/domain/dates';
import { TEMPLATE_NAMES, WINDOW_PRESETS, WINDOW_RULE, type TemplateName } from '../../shared/domain/letters';
import { BUILTIN_TEMPLATES } from '../../electron/core/services/letters/builtin';
import { ADMIN, call, callError, inspectDatabase } from '../support/core-harness';
import { DAY, MM, lettersOffice, pageSizes, pdfOf, wordBoxes, type LettersOffice } from '../support/letters-fixtures';

let o: LettersOffice;
beforeAll(async () => {
  o = await lettersOffice();
}, 120_000);
afterAll(() => o.core.close());

/** The record each template is printed from, for the full record. */
function fullSubject(name: TemplateName): Partial<InputOf<'letters.prepare'>> {
  const kinds = BUILTIN_TEMPLATES[name].soggetti;
  if (kinds.includes('appuntamento')) return { appointmentId: o.full.appointmentId };
  if (kinds.includes('tirocinio')) return { tirocinioId: o.full.tirocinioId };
  if (kinds.includes('cartella')) return { caseId: o.full.caseId };
  return { personId: o.full.personId };
}

function minimalSubject(name: TemplateName): Partial<InputOf<'letters.prepare'>> | null {
  const kinds = BUILTIN_TEMPLATES[name].soggetti;
  if (kinds.includes('appuntamento')) return { appointmentId: o.minimal.appointmentId };
  if (kinds.includes('cartella')) return { caseId: o.minimal.caseId };
  if (kinds.includes('persona')) return { personId: o.minimal.personId };
  return null;
}

/** Every required free part, written. */
function filledParts(name: TemplateName): Record<string, string> {
  return Object.fromEntries(BUILTIN_TEMPLATES[name].parti.filter((p) => p.obbligatorio).map((p) => [p.nome, p.predefinito || `Testo di prova per ${p.label.toLowerCase()}.`]));
}

function expectCleanText(text: string): void {
  expect(text).not.toMatch(/undefined/i);
  expect(text).not.toContain('{{');
  expect(text).not.toContain('{%');
  expect(text).not.toContain('[manca');
}

describe('lettere: ogni modello predefinito', () => {
  it.each(TEMPLATE_NAMES.filter((n) => n !== 'chiusura'))(
    '%s: a full record prints an A4 PDF with the name, accents and Italian dates, never «undefined» or «{{»',
    async (name) => {
      const input = { template: name, ...fullSubject(name), parti: filledParts(name) } as InputOf<'letters.issue'>;
      const prepared = await call(o.as, 'letters.prepare', input);
      expect(prepared.mancanti).toEqual([]);
      expect(prepared.html).not.toMatch(/undefined|\{\{|\{%/);
      const issued = await call(o.as, 'letters.issue', input);
      const pdf = await pdfOf(o.as, issued.downloadId);
      expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
      for (const size of pageSizes(pdf.file)) expect(size.split(' x ').map((n) => Math.round(Number(n)))).toEqual([595, 842]);
      // The convenzione is between the promoter and the host company: it names no tirocinante.
      if (name === 'convenzione_tirocinio') expect(pdf.text).toContain('Cooperativa Il Ponte');
      else expect(pdf.text).toContain('Nicolò D’Annunzio-Colò');
      expectCleanText(pdf.text);
      expect(pdf.text).toMatch(/pagina 1 di \d/);
    },
  );

  it.each(TEMPLATE_NAMES.filter((n) => BUILTIN_TEMPLATES[n].soggetti.some((k) => k !== 'tirocinio')))(
    '%s: a minimal record renders, and what it lacks is listed, never printed blank',
    async (name) => {
      const input = { template: name, ...minimalSubject(name), parti: filledParts(name) } as InputOf<'letters.prepare'>;
      const prepared = await call(o.as, 'letters.prepare', input);
      expect(prepared.html).not.toMatch(/undefined|\{\{|\{%/);
      expect(prepared.html.includes('[manca: ')).toBe(
        prepared.mancanti.some((m) => m.campo !== 'destinatario' && !m.campo.startsWith('pai.obiettivi')) || prepared.mancanti.some((m) => m.campo === 'destinatario'),
      );
      if (prepared.mancanti.length > 0) {
        const refused = await callError(o.as, 'letters.issue', input);
        expect(refused.code).toBe('VALIDATION');
        expect(refused.message).toContain(prepared.mancanti[0]!.label);
      }
    },
  );

  it('the convocazione from an appointment says the day in Italian words and the time, and its window address is the person’s', async () => {
    const prepared = await call(o.as, 'letters.prepare', { template: 'convocazione', appointmentId: o.full.appointmentId });
    expect(prepared.destinatario).toEqual({ nome: 'Nicolò D’Annunzio-Colò', righe: ['Via del Campanile 7', 'Narni (TR)'] });
    const pdf = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', { template: 'convocazione', appointmentId: o.full.appointmentId })).downloadId);
    expect(pdf.text).toContain(formatLongItalianDate(DAY));
    expect(pdf.text).toContain('ore 9:30');
    expect(pdf.text).toContain('sede di Amelia');
  });

  it('the minimal record’s convocazione is refused: no address, nothing filed', async () => {
    const before = (await call(o.as, 'documents.list', { caseId: o.minimal.caseId })).documents.length;
    const prepared = await call(o.as, 'letters.prepare', { template: 'convocazione', appointmentId: o.minimal.appointmentId });
    expect(prepared.mancanti.map((m) => m.campo)).toContain('destinatario');
    const refused = await callError(o.as, 'letters.issue', { template: 'convocazione', appointmentId: o.minimal.appointmentId });
    expect(refused.message).toMatch(/Indirizzo del destinatario/);
    expect((await call(o.as, 'documents.list', { caseId: o.minimal.caseId })).documents).toHaveLength(before);
  });

  it('the chiusura waits for the case to be closed (the closing date is missing until then)', async () => {
    const prepared = await call(o.as, 'letters.prepare', { template: 'chiusura', caseId: o.full.caseId });
    expect(prepared.mancanti.map((m) => m.campo)).toEqual(['cartella.chiusa_il']);
  });
});

describe('lettere: busta a finestra', () => {
  it.each(['destra_it', 'din5008b'] as const)('%s: the recipient block lies inside the window, at least 40 mm from the top and 15 mm from the sides', async (preset) => {
    await call(o.admin, 'letterSettings.save', { finestra: preset });
    const pdf = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', { template: 'convocazione', appointmentId: o.full.appointmentId })).downloadId);
    const w = WINDOW_PRESETS[preset];
    const block = wordBoxes(pdf.file).filter((b) => ['Nicolò', 'Campanile', '(TR)'].includes(b.word) && b.yMin > 35 * MM && b.yMin < 88 * MM);
    expect(block.length).toBeGreaterThanOrEqual(3);
    for (const b of block) {
      expect(b.xMin).toBeGreaterThanOrEqual(w.left * MM);
      expect(b.xMax).toBeLessThanOrEqual((w.left + w.width) * MM);
      expect(b.yMin).toBeGreaterThanOrEqual(w.top * MM);
      expect(b.yMax).toBeLessThanOrEqual((w.top + w.height) * MM);
      expect(b.yMin).toBeGreaterThanOrEqual(WINDOW_RULE.minTop * MM);
      expect(b.xMin).toBeGreaterThanOrEqual(WINDOW_RULE.minSide * MM);
      expect(b.xMax).toBeLessThanOrEqual((WINDOW_RULE.pageWidth - WINDOW_RULE.minSide) * MM);
    }
    const calibration = await pdfOf(o.as, (await call(o.as, 'letterSettings.calibrationPdf', {})).downloadId);
    expect(calibration.text).toContain(w.label);
    await call(o.admin, 'letterSettings.save', { finestra: 'destra_it' });
  });
});

describe('lettere: valori scritti come testo', () => {
  it('a name like <script> or {{x}} prints as text, in the HTML and in the PDF', async () => {
    const p = await call(o.as, 'persons.create', {
      cognome: '<script>alert(1)</script>',
      nome: '{{x}} {% raw %}',
      codiceFiscale: '',
      sesso: 'F',
      dataNascita: null,
      luogoNascita: null,
      cittadinanza: null,
      cittadinanza2: null,
      residenzaComuneIstat: '055022',
      residenzaIndirizzo: 'Via <b>Grassetto</b> 1',
      domicilio: '',
      telefono: '',
      email: '',
      titoloStudio: '',
      condizioneLavorativa: '',
      permessoSoggiorno: '',
      invalidita: '',
      legge104: false,
      tutore: '',
    });
    const prepared = await call(o.as, 'letters.prepare', { template: 'informativa_privacy', personId: p.person.id });
    expect(prepared.html).not.toContain('<script>alert');
    expect(prepared.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(prepared.html).not.toContain('<b>Grassetto');
    const pdf = await pdfOf(o.as, (await call(o.as, 'letters.previewPdf', { template: 'informativa_privacy', personId: p.person.id })).downloadId);
    expect(pdf.text).toContain('<script>alert(1)</script>');
    expect(pdf.text).toContain('{{x}} {% raw %}');
  });
});

describe('documenti archiviati', () => {
  let documentId: string;

  it('an issued letter is filed in the case as a bozza with its template version and recipient, encrypted on disk, audited', async () => {
    const issued = await call(o.as, 'letters.issue', { template: 'presa_in_carico', caseId: o.full.caseId });
    documentId = issued.documentId;
    const list = await call(o.as, 'documents.list', { caseId: o.full.caseId });
    const doc = list.documents.find((d) => d.id === documentId)!;
    const current = (await call(o.as, 'letterTemplates.list', {})).templates.find((t) => t.name === 'presa_in_carico')!;
    expect(doc).toMatchObject({
      stato: 'bozza',
      template: 'presa_in_carico',
      versione: current.versione,
      destinatario: 'Nicolò D’Annunzio-Colò, Via del Campanile 7, Narni (TR)',
      protocolloNumero: null,
    });
    expect(doc.nomeFile).not.toMatch(/Nicol|Annunzio/);
    const stored = fs.readdirSync(path.join(o.dataDir, 'allegati')).map((f) => fs.readFileSync(path.join(o.dataDir, 'allegati', f)));
    expect(stored.length).toBeGreaterThan(0);
    for (const bytes of stored) expect(bytes.includes(Buffer.from('%PDF'))).toBe(false);
    const downloaded = await pdfOf(o.as, (await call(o.as, 'documents.download', { id: documentId })).downloadId);
    expect(downloaded.text).toContain('Nicolò');
    const db = await inspectDatabase(o.dataDir, ADMIN.username, ADMIN.password);
    try {
      const rows = db
        .prepare(`SELECT action, subject_id, detail FROM audit_log WHERE action IN ('letters.issue', 'documents.download') AND subject_id = ? ORDER BY seq DESC`)
        .all(o.full.personId) as { action: string; detail: string }[];
      expect(rows.map((r) => r.action)).toEqual(expect.arrayContaining(['letters.issue', 'documents.download']));
      expect(rows.find((r) => r.action === 'letters.issue')!.detail).toContain(current.versione);
    } finally {
      db.close();
    }
    expect((await call(o.as, 'documents.setStatus', { id: documentId, stato: 'firmato' })).stato).toBe('firmato');
  });

  it('protocollo: at least 7 digits, not in the future, once per register and year; the yearly count restarts', async () => {
    const adm = o.team.amministrativo.conn;
    const narni = '055022';
    const today = new Date().toISOString().slice(0, 10);
    expect((await callError(adm, 'documents.recordProtocollo', { id: documentId, numero: '12345', data: today, registro: narni })).code).toBe('VALIDATION');
    expect((await callError(adm, 'documents.recordProtocollo', { id: documentId, numero: '00123A5', data: today, registro: narni })).code).toBe('VALIDATION');
    const future = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
    expect((await callError(adm, 'documents.recordProtocollo', { id: documentId, numero: '0012345', data: future, registro: narni })).message).toMatch(/futuro/);
    const recorded = await call(adm, 'documents.recordProtocollo', { id: documentId, numero: '0012345', data: today, registro: narni });
    expect(recorded).toMatchObject({ protocolloNumero: '0012345', protocolloData: today, protocolloRegistro: narni });
    const other = await call(o.as, 'letters.issue', { template: 'informativa_privacy', personId: o.full.personId });
    const dup = await callError(adm, 'documents.recordProtocollo', { id: other.documentId, numero: '00012345', data: today, registro: narni });
    expect(dup.code).toBe('CONFLICT');
    const lastYear = `${Number(today.slice(0, 4)) - 1}-06-15`;
    expect((await call(adm, 'documents.recordProtocollo', { id: other.documentId, numero: '0012345', data: lastYear, registro: narni })).protocolloNumero).toBe('0012345');
    expect((await callError(o.as, 'documents.recordProtocollo', { id: other.documentId, numero: '0099999', data: today, registro: narni })).code).toBe('FORBIDDEN');
  });

  it('a reprint is a new PDF marked RISTAMPA with the protocol number, filed beside the original', async () => {
    const reprint = await call(o.as, 'documents.reprint', { id: documentId });
    const pdf = await pdfOf(o.as, reprint.downloadId);
    expect(pdf.text).toContain('RISTAMPA');
    expect(pdf.text).toMatch(/Prot\. n\. 0012345 del \d\d\/\d\d\/\d{4}/);
    expectCleanText(pdf.text.replace(/RISTAMPA/g, ''));
    const doc = (await call(o.as, 'documents.list', { caseId: o.full.caseId })).documents.find((d) => d.id === reprint.documentId)!;
    expect(doc).toMatchObject({ ristampaDi: documentId, protocolloNumero: '0012345' });
    expect(
      (await callError(o.team.amministrativo.conn, 'documents.recordProtocollo', { id: reprint.documentId, numero: '0012399', data: doc.protocolloData!, registro: '055022' }))
        .code,
    ).toBe('VALIDATION');
  });

  it('the registro presenze prints the month asked for, and its reprint the same month', async () => {
    const issued = await call(o.as, 'letters.issue', { template: 'registro_presenze', tirocinioId: o.full.tirocinioId, mese: '2027-01' });
    expect((await pdfOf(o.as, issued.downloadId)).text).toContain('Registro presenze – gennaio 2027');
    const reprint = await call(o.as, 'documents.reprint', { id: issued.documentId });
    const text = (await pdfOf(o.as, reprint.downloadId)).text;
    expect(text).toContain('gennaio 2027');
    expect(text).toContain('RISTAMPA');
  });

  it('the relazione sociale: only psicologi and assistenti sociali of the case print, list and open it', async () => {
    const parts = filledParts('relazione_sociale');
    const issued = await call(o.as, 'letters.issue', { template: 'relazione_sociale', caseId: o.full.caseId, parti: parts });
    expect((await callError(o.team.amministrativo.conn, 'letters.prepare', { template: 'relazione_sociale', caseId: o.full.caseId, parti: parts })).code).toBe('FORBIDDEN');
    expect((await callError(o.team.psicologo.conn, 'letters.prepare', { template: 'relazione_sociale', caseId: o.full.caseId, parti: parts })).code).toBe('FORBIDDEN');
    expect((await callError(o.team.amministrativo.conn, 'documents.download', { id: issued.documentId })).code).toBe('FORBIDDEN');
    const seen = (await call(o.team.amministrativo.conn, 'documents.list', { caseId: o.full.caseId })).documents.map((d) => d.id);
    expect(seen).not.toContain(issued.documentId);
    expect(seen.length).toBeGreaterThan(0);
  });
});

describe('stampa in blocco', () => {
  it('the convocazioni of a sede’s day in one PDF, with progress; a person without an address is skipped with the reason', async () => {
    const events: { done: number; total: number }[] = [];
    const conn = o.core.connect('test', (e) => {
      if (e.type === 'progress' && e.task === 'letters.batch') events.push({ done: e.done, total: e.total });
    });
    await call(conn, 'auth.login', { username: o.team.amministrativo.username, password: 'Provvisoria-2026-nuova1' });
    const result = await call(conn, 'letters.batch', { template: 'convocazione', sedeId: o.amelia, data: DAY });
    expect(result.stampate).toBe(1);
    expect(result.saltati).toEqual([
      expect.objectContaining({ appointmentId: o.minimal.appointmentId, persona: 'Bianchi Ada', motivo: 'manca l’indirizzo (residenza o domicilio)', ora: '11:00' }),
    ]);
    const pdf = await pdfOf(conn, result.file!.downloadId);
    expect(pdf.text).toContain('Nicolò');
    expect(pdf.text).not.toContain('Bianchi');
    expect(events.at(-1)).toEqual({ done: 2, total: 2 });
    expect((await call(conn, 'letters.batch', { template: 'convocazione', sedeId: o.narni, data: DAY })).file).toBeNull();
    conn.close();
  });
});
