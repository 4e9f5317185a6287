import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { addDays, todayInRome } from '../../shared/domain/dates';
import { ADMIN, call, inspectDatabase } from '../support/core-harness';
import { personWithCf } from '../support/cartella-fixtures';
import type { RunningApp } from './support/app-server';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { colloquioOn, saveDocxFrom, savePdfFrom } from './support/letters';
import { solidPng } from '../support/png';
import { typeDate } from './support/pickers';
import { checkScreen, goTo } from './support/screens';
import { login as signIn, logout as signOut } from './support/session';

const STAFF = {
  as: { username: 'as.amelia', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const },
  am: { username: 'amm.amelia', fullName: 'Sara Pace', profile: 'amministrativo' as const },
  coord: { username: 'coord.zona', fullName: 'Paola Neri', profile: 'coordinatore' as const },
};
const TODAY = todayInRome();
const TOMORROW = addDays(TODAY, 1);
const italian = (iso: string) => iso.split('-').reverse().join('/');

let office: Office<{ caseId: string; lauraCaseId: string; nicoloId: string; marioId: string }>;
let app: RunningApp;
let page: Page;
let caseId = '';
let lauraCaseId = '';
let nicoloId = '';
let marioId = '';
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `lettere-${name}`, name, a11y);
const dialog = () => page.getByRole('dialog');

const savedPdf = (button: Locator, name: string) => savePdfFrom(page, button, name);
const savedDocx = (button: Locator, name: string) => saveDocxFrom(page, button, name);

beforeAll(async () => {
  // The zone, two colleagues, three people with their cases and tomorrow's colloqui come from the core;
  // the letters are printed in the UI.
  office = await officeInChromium({
    name: 'lettere',
    staff: Object.values(STAFF),
    timeout: 20_000,
    prepare: async ({ as: connectAs, ids }) => {
      const as = await connectAs(STAFF.as.username);
      const zone = await call(as, 'zone.get', {});
      const sede = (nome: string) => zone.sedi.find((s) => s.nome === nome)!;
      const comune = (nome: string) => zone.comuni.find((c) => c.nome === nome)!.istat;
      const open = async (p: Parameters<typeof personWithCf>[0], sedeNome: string) => {
        const person = (await call(as, 'persons.create', personWithCf(p))).person;
        const id = (await call(as, 'cases.open', { personId: person.id, sedeId: sede(sedeNome).id, area: 'poverta', problematiche: [], apertaIl: TODAY })).caseId;
        return { personId: person.id, caseId: id };
      };
      const nicolo = await open(
        {
          cognome: "D'Annunzio-Colò",
          nome: 'Nicolò',
          sesso: 'M',
          dataNascita: '1984-07-12',
          residenzaComuneIstat: comune('Amelia'),
          residenzaIndirizzo: 'Via della Repubblica 12',
        },
        'Amelia',
      );
      const mario = await open({ cognome: 'Rossi', nome: 'Mario', residenzaComuneIstat: comune('Narni'), residenzaIndirizzo: 'Via Garibaldi 3' }, 'Narni');
      const laura = await open(
        { cognome: 'Bianchi', nome: 'Laura', sesso: 'F', dataNascita: '1991-02-03', residenzaComuneIstat: comune('Narni'), residenzaIndirizzo: '' },
        'Narni',
      );
      const room = (nome: string) => sede(nome).rooms[0]!.id;
      const operatorId = ids[STAFF.as.username]!;
      await colloquioOn(as, TOMORROW, { sedeId: sede('Amelia').id, roomId: room('Amelia'), operatorId, ...nicolo, start: '10:00', end: '11:00' });
      await colloquioOn(as, TOMORROW, { sedeId: sede('Narni').id, roomId: room('Narni'), operatorId, ...mario, start: '09:00', end: '09:45' });
      await colloquioOn(as, TOMORROW, { sedeId: sede('Narni').id, roomId: room('Narni'), operatorId, ...laura, start: '11:30', end: '12:15' });
      return { caseId: nicolo.caseId, lauraCaseId: laura.caseId, nicoloId: nicolo.personId, marioId: mario.personId };
    },
  });
  page = office.page;
  app = office.app;
  ({ caseId, lauraCaseId, nicoloId, marioId } = office.data);
  await signIn(page, STAFF.am.username, PASSWORD);
});

afterAll(async () => {
  await office?.close();
});

describe('lettere e documenti, come li usa l’ufficio amministrativo, in Chromium', () => {
  it('dall’appuntamento ad Amelia stampa la convocazione, vista prima esattamente come esce', async () => {
    await goTo(page, '#/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await page.getByLabel('Agenda di').selectOption({ label: 'Sede di Amelia' });
    await page.getByLabel('Vista').selectOption({ label: 'Giorno' });
    await typeDate(page.getByRole('group', { name: 'Vai al giorno' }), TOMORROW);
    await page.getByRole('region', { name: 'Agenda 1' }).getByText("Colloquio: D'Annunzio-Colò Nicolò").click();
    await dialog().getByRole('button', { name: 'Convocazione' }).click();
    const letter = page.getByRole('dialog', { name: 'Documento' });
    await letter.getByLabel('Modello').waitFor();
    expect(await letter.getByLabel('Modello').locator('option:checked').textContent()).toMatch(/Convocazione/);
    // The preview is the PDF itself, drawn by pdf.js: one canvas per page.
    await letter.getByRole('img', { name: /^Anteprima, pagina 1 di \d+$/ }).waitFor();
    await letter.getByText('Anteprima: le pagine come usciranno dalla stampante.').waitFor();
    expect(await letter.getByRole('alert', { name: 'Dati mancanti' }).count()).toBe(0);
    await check('01-convocazione-anteprima');
    // The DOCX to edit in Word: the same letter, nothing filed.
    const docx = await savedDocx(letter.getByRole('button', { name: 'Scarica DOCX' }), 'lettere-convocazione');
    expect(docx.name).toMatch(/^convocazione-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(docx.xml).toContain("D'Annunzio-Colò");
    expect(docx.xml).not.toMatch(/undefined|\{\{/);
    const { text } = await savedPdf(letter.getByRole('button', { name: 'Salva PDF' }), 'lettere-convocazione');
    expect(text).toContain("D'Annunzio-Colò");
    expect(text).toContain('Nicolò');
    expect(text).not.toMatch(/undefined|\{\{/);
    await letter.getByText('Documento archiviato nella cartella come bozza').waitFor();
    await letter.getByRole('button', { name: 'Chiudi' }).click();
    await page.getByRole('dialog', { name: 'Documento' }).waitFor({ state: 'detached' });
  });

  it('registra il protocollo n. 0012345 di oggi, dopo aver rifiutato un numero troppo corto', async () => {
    await goTo(page, `#/cartelle/${caseId}/documenti`);
    const table = page.getByRole('table', { name: 'Documenti della cartella' });
    const row = table.getByRole('row', { name: /Convocazione/ }).first();
    await row.waitFor();
    await row.getByRole('button', { name: /^Protocollo di / }).click();
    const d = page.getByRole('dialog', { name: 'Registra il protocollo' });
    await d.getByLabel('Numero di protocollo').fill('12345');
    await d.getByRole('button', { name: 'Registra' }).click();
    await d.getByText('Numero di protocollo: solo cifre, almeno 7', { exact: false }).first().waitFor();
    await check('02-protocollo-rifiutato');
    await d.getByLabel('Numero di protocollo').fill('0012345');
    await d.getByRole('button', { name: 'Registra' }).click();
    await d.waitFor({ state: 'detached' });
    await row.getByText('0012345').waitFor();
    expect(await row.textContent()).toContain(`del ${italian(TODAY)}`);
  });

  it('la ristampa riporta il protocollo ed è segnata come ristampa', async () => {
    const table = page.getByRole('table', { name: 'Documenti della cartella' });
    const rows = table.locator('tbody tr');
    await rows
      .first()
      .getByRole('button', { name: /^Ristampa / })
      .click();
    const view = page.getByRole('dialog', { name: /^Ristampa: Convocazione/ });
    await view.getByRole('img', { name: /pagina 1 di \d+$/ }).waitFor();
    await check('03-ristampa');
    const { text } = await savedPdf(view.getByRole('button', { name: 'Scarica' }), 'lettere-ristampa');
    expect(text).toMatch(/RISTAMPA/i);
    expect(text).toContain('0012345');
    expect(text).toContain(italian(TODAY));
    // «Stampa» hands the window's print dialog one A4 sheet per PDF page, drawn from the PDF.
    await page.evaluate(() => {
      window.print = () => {
        document.body.dataset.stampate = String(document.querySelectorAll('#stampa-documento img').length);
      };
    });
    await view.getByRole('button', { name: 'Stampa' }).click();
    await page.locator('body[data-stampate]').waitFor({ state: 'attached' });
    expect(Number(await page.locator('body').getAttribute('data-stampate'))).toBe(
      Number((await view.getByRole('img').first().getAttribute('aria-label'))?.match(/di (\d+)$/)?.[1]),
    );
    expect(await page.locator('#stampa-documento').count()).toBe(0);
    await view.getByRole('button', { name: 'Chiudi' }).click();
    // Newest first: the reprint, marked, above the original.
    await expect.poll(() => rows.count()).toBe(2);
    await rows.first().getByText('Ristampa', { exact: true }).waitFor();
    const original = rows.last();
    expect(await original.textContent()).toContain('0012345');
    // The status is the operator's to change, from the list.
    await original.getByRole('combobox', { name: /^Stato di / }).selectOption({ label: 'Inviato' });
    await expect.poll(() => original.getByRole('combobox', { name: /^Stato di / }).inputValue()).toBe('inviato');
    await check('04-documenti-cartella');
  });

  it('il documento è nella cartella con le sue righe nel registro degli accessi', async () => {
    const db = await inspectDatabase(app.dataDir, STAFF.am.username, PASSWORD);
    try {
      const docs = db.prepare('SELECT id, stato, protocollo_numero, ristampa_di FROM documents WHERE case_id = ? ORDER BY created_at').all(caseId) as {
        id: string;
        stato: string;
        protocollo_numero: string | null;
        ristampa_di: string | null;
      }[];
      expect(docs).toHaveLength(2);
      expect(docs[0]).toMatchObject({ stato: 'inviato', protocollo_numero: '0012345', ristampa_di: null });
      expect(docs[1]?.ristampa_di).toBe(docs[0]?.id);
      const actions = (
        db.prepare("SELECT action FROM audit_log WHERE username = ? AND outcome = 'ok' AND (action LIKE 'letters.%' OR action LIKE 'documents.%')").all(STAFF.am.username) as {
          action: string;
        }[]
      ).map((r) => r.action);
      for (const a of ['letters.issue', 'documents.recordProtocollo', 'documents.reprint', 'documents.setStatus']) expect(actions).toContain(a);
    } finally {
      db.close();
    }
  });

  it('una lettera per chi non ha l’indirizzo elenca il dato mancante e non si può stampare', async () => {
    await goTo(page, `#/cartelle/${lauraCaseId}`);
    await page.getByRole('button', { name: 'Documento', exact: true }).click();
    const letter = page.getByRole('dialog', { name: 'Documento' });
    await letter.getByLabel('Modello').selectOption({ label: 'Lettera di presa in carico' });
    const missing = letter.getByRole('alert', { name: 'Dati mancanti' });
    await missing.waitFor();
    expect(await missing.textContent()).toMatch(/indirizzo/i);
    await letter.getByRole('img', { name: /^Anteprima, pagina 1 di \d+$/ }).waitFor();
    expect(await letter.getByRole('button', { name: 'Stampa' }).isDisabled()).toBe(true);
    expect(await letter.getByRole('button', { name: 'Salva PDF' }).isDisabled()).toBe(true);
    expect(await letter.getByRole('button', { name: 'Scarica DOCX' }).isDisabled()).toBe(true);
    await check('05-dati-mancanti');
    await letter.getByRole('button', { name: 'Annulla' }).click();
    await goTo(page, `#/cartelle/${lauraCaseId}/documenti`);
    await page.getByText('Nessun documento stampato per questa cartella.').waitFor();
  });

  it('dalla scheda della persona: l’informativa, su più pagine, vista pagina per pagina', async () => {
    await goTo(page, `#/persone/${nicoloId}`);
    await page.getByRole('button', { name: 'Documento', exact: true }).click();
    const letter = page.getByRole('dialog', { name: 'Documento' });
    const choices = (await letter.getByLabel('Modello').locator('option').allTextContents()).join(' | ');
    // From a person: what a person provides, never the convocazione (it needs an appointment).
    expect(choices).toContain('Informativa sul trattamento dei dati personali');
    expect(choices).not.toContain('Convocazione');
    await letter.getByLabel('Modello').selectOption({ label: 'Informativa sul trattamento dei dati personali' });
    const first = letter.getByRole('img', { name: /^Anteprima, pagina 1 di \d+$/ });
    await first.waitFor();
    const pages = Number((await first.getAttribute('aria-label'))?.match(/di (\d+)$/)?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(await letter.getByRole('img', { name: /^Anteprima, pagina \d+ di \d+$/ }).count()).toBe(pages);
    await letter.getByRole('button', { name: 'Annulla' }).click();
    // The person's own list: every letter of theirs, with the case it is filed in.
    const own = page.getByRole('table', { name: 'Documenti della persona' });
    await expect.poll(() => own.locator('tbody tr').count()).toBe(2);
    expect(await own.locator('tbody tr').first().textContent()).toMatch(/Convocazione.*2026\/A-\d{4}/);
  });

  it('le convocazioni di domani a Narni in un PDF: chi non ha l’indirizzo è elencato tra i saltati con il motivo', async () => {
    await goTo(page, '#/documenti');
    await page.getByRole('heading', { name: 'Documenti', level: 1 }).waitFor();
    const section = page.getByRole('region', { name: 'Convocazioni in serie' });
    await section.getByLabel('Sede').selectOption({ label: 'Narni' });
    await typeDate(section.getByRole('group', { name: 'Giorno degli appuntamenti' }), TOMORROW);
    // What the progress box said while the core worked (it reports each letter, then the PDF's composition).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { avanzamento: string[] }).avanzamento = seen;
      new MutationObserver(() => {
        const box = document.querySelector('[data-avanzamento]');
        const said = `${box?.textContent ?? ''}|${box?.querySelector('[role="progressbar"]')?.getAttribute('aria-valuenow') ?? ''}`;
        if (box && seen.at(-1) !== said) seen.push(said);
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await section.getByRole('button', { name: 'Stampa le convocazioni' }).click();
    await section.getByText(/Una convocazione stampata per la sede di Narni/).waitFor();
    const skipped = section.getByRole('table', { name: 'Appuntamenti saltati' });
    const laura = skipped.getByRole('row', { name: /Bianchi Laura/ });
    await laura.waitFor();
    expect(await laura.textContent()).toMatch(/indirizzo/i);
    expect(await skipped.getByRole('row').count()).toBe(2);
    const progress = await page.evaluate(() => (window as unknown as { avanzamento: string[] }).avanzamento);
    expect(progress).toContain('Composizione del PDF|100');
    await section.getByRole('img', { name: /^Convocazioni, pagina 1 di \d+$/ }).waitFor();
    await check('06-serie');
    const { text } = await savedPdf(section.getByRole('button', { name: 'Salva PDF' }), 'lettere-serie-narni');
    expect(text).toContain('Rossi');
    expect(text).not.toContain('Bianchi');
  });

  it('l’amministratore modifica la convocazione: un campo inesistente è rifiutato, poi una nuova versione con la sua impronta, poi l’originale ripristinato', async () => {
    await signOut(page);
    await signIn(page, ADMIN.username, ADMIN.password);
    await goTo(page, '#/documenti');
    await page.getByRole('table', { name: 'Modelli di lettera' }).getByRole('link', { name: 'Convocazione' }).click();
    await page.getByRole('heading', { name: 'Modello: Convocazione', level: 1 }).waitFor();
    const text = page.getByLabel('Testo del modello');
    const original = await text.inputValue();
    await page.getByRole('img', { name: /^Anteprima del modello, pagina 1 di \d+$/ }).waitFor();
    await text.fill(`${original}\n<p>{{ persona.inesistente }}</p>`);
    await page
      .getByRole('alert', { name: 'Errori nel modello' })
      .getByText(/persona\.inesistente/)
      .waitFor();
    await page.getByRole('button', { name: 'Salva nuova versione' }).click();
    await page.getByRole('alert').filter({ hasText: 'persona.inesistente' }).first().waitFor();
    await check('07-modello-campo-inesistente');
    // Write it right: a sentence and a placeholder picked from the list, where the cursor is.
    await text.fill(`${original}\n<p>Per informazioni: `);
    await text.press('ControlOrMeta+End');
    await page.getByRole('button', { name: /^Inserisci persona\.cognome:/ }).click();
    expect(await text.inputValue()).toBe(`${original}\n<p>Per informazioni: {{ persona.cognome }}`);
    await text.press('ControlOrMeta+End');
    await text.pressSequentially('</p>');
    await expect.poll(() => page.getByRole('alert', { name: 'Errori nel modello' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Salva nuova versione' }).click();
    await page.getByText(/^Salvata la versione [0-9a-f]{12}/).waitFor();
    const versions = page.getByRole('table', { name: 'Versioni del modello' });
    await expect.poll(() => versions.locator('tbody tr').count()).toBe(2);
    const inUse = versions.locator('tbody tr', { hasText: 'In uso' });
    expect(await inUse.locator('th').textContent()).toMatch(/^[0-9a-f]{64}$/);
    expect(await inUse.textContent()).not.toContain('Originale');
    await check('08-modello-nuova-versione');
    await page.getByRole('button', { name: 'Ripristina l’originale' }).click();
    await page.getByRole('dialog', { name: 'Ripristinare il modello originale?' }).getByRole('button', { name: 'Ripristina' }).click();
    await expect.poll(async () => (await versions.locator('tbody tr', { hasText: 'In uso' }).textContent()) ?? '').toContain('Originale');
    expect(await text.inputValue()).toBe(original);
  });

  it('in un modello per destinatari esterni un campo sensibile è rifiutato con il motivo', async () => {
    await goTo(page, '#/documenti/modelli/convenzione_tirocinio');
    await page.getByRole('heading', { name: 'Modello: Convenzione di tirocinio', level: 1 }).waitFor();
    const text = page.getByLabel('Testo del modello');
    await text.fill(`${await text.inputValue()}\n<p>Invalidità: {{ persona.invalidita }}</p>`);
    await page.getByRole('button', { name: 'Salva nuova versione' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /persona\.invalidita/ })
      .filter({ hasText: /sensibil/i })
      .first()
      .waitFor();
    await check('09-modello-esterno-sensibile');
  });

  it('Impostazioni → Documenti: busta DIN 5008 B e pagina di calibrazione', async () => {
    await goTo(page, '#/impostazioni/documenti');
    const section = page.getByRole('region', { name: 'Buste a finestra' });
    await section.getByLabel(/^DIN 5008 forma B/).check();
    await section.getByRole('button', { name: 'Salva' }).click();
    await section.getByText('Tipo di busta salvato').waitFor();
    await section.getByRole('button', { name: 'Pagina di calibrazione' }).click();
    await section.getByRole('img', { name: 'Pagina di calibrazione, pagina 1 di 1' }).waitFor();
    await check('10-calibrazione');
    const { text } = await savedPdf(section.getByRole('button', { name: 'Salva PDF' }), 'lettere-calibrazione');
    expect(text).toMatch(/DIN 5008/);
  });

  it('Impostazioni → Documenti: il logo dell’intestazione, rifiutato se non è un’immagine, poi caricato e tolto', async () => {
    await goTo(page, '#/impostazioni/documenti');
    const section = page.getByRole('region', { name: 'Logo nell’intestazione' });
    await section.getByText('Nessun logo: l’intestazione ha solo il testo.').waitFor();
    const input = section.getByLabel('File del logo');
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: Buffer.from('non sono una immagine') });
    await section.getByText('Il logo deve essere un’immagine PNG o JPEG: il file scelto non lo è.').waitFor();
    await input.setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: solidPng(160, 60) });
    await section.getByText('Logo salvato: compare nell’intestazione delle prossime lettere.').waitFor();
    await section.getByRole('img', { name: 'Logo attuale dell’intestazione' }).waitFor();
    await check('11-logo');
    await section.getByRole('button', { name: 'Togli il logo' }).click();
    await section.getByText('Logo tolto dall’intestazione.').waitFor();
    expect(await section.getByRole('img').count()).toBe(0);
  });

  it('il coordinatore prova l’informativa con una persona vera: la lettura è registrata a suo nome', async () => {
    await signOut(page);
    await signIn(page, STAFF.coord.username, PASSWORD);
    await goTo(page, '#/documenti/modelli/informativa_privacy');
    await page.getByRole('heading', { name: 'Modello: Informativa sul trattamento dei dati personali', level: 1 }).waitFor();
    const preview = page.getByRole('region', { name: 'Anteprima', exact: true });
    await preview.getByText('Anteprima con dati di esempio.').waitFor();
    await preview.getByLabel('Prova con una persona (cognome, nome o codice fiscale)').fill('Rossi');
    await preview.getByRole('button', { name: 'Cerca', exact: true }).click();
    await preview.getByLabel('Record per l’anteprima').selectOption({ label: 'Rossi Mario' });
    await preview.getByText('Anteprima con i dati di: Rossi Mario').waitFor();
    await preview.getByText('Le pagine come usciranno dalla stampante.').waitFor();
    await preview.getByRole('img', { name: /^Anteprima del modello, pagina 1 di \d+$/ }).waitFor();
    await check('12-modello-con-persona');
    const db = await inspectDatabase(app.dataDir, STAFF.am.username, PASSWORD);
    try {
      const rows = db.prepare("SELECT subject_id FROM audit_log WHERE username = ? AND action = 'letterTemplates.sample' AND outcome = 'ok'").all(STAFF.coord.username) as {
        subject_id: string | null;
      }[];
      expect(rows.map((r) => r.subject_id)).toContain(marioId);
    } finally {
      db.close();
    }
  });

  it('nessuna schermata ha violazioni di accessibilità gravi', async () => {
    await signOut(page);
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
