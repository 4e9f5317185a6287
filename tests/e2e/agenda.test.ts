import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { addDays, todayInRome } from '../../shared/domain/dates';
import { isoWeekday } from '../../shared/domain/recurrence';
import { call } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { checkScreen, goTo } from './support/screens';
import { SCREENSHOT_DIR } from './support/browser';
import { fieldText, typeDate, typeTime } from './support/pickers';

const AS = { username: 'as.amelia', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const };
const EDU = { username: 'edu.amelia', fullName: 'Elisa Moscatelli', profile: 'educatore' as const };
const COORD = { username: 'coord', fullName: 'Rita Fratini', profile: 'coordinatore' as const };

/** The latest Tuesday up to today: a colloquio can be marked svolto only once its day has come. */
const DAY = (() => {
  let d = todayInRome();
  while (isoWeekday(d) !== 2) d = addDays(d, -1);
  return d;
})();

let office: Office<string>;
let page: Page;
let caseId = '';
const a11y: Record<string, string[]> = {};

async function check(name: string): Promise<void> {
  await checkScreen(page, `agenda-${name}`, name, a11y);
}

async function go(hash: string): Promise<void> {
  await goTo(page, hash);
}

const dialog = () => page.getByRole('dialog');
const calendar = () => page.getByRole('region', { name: 'Agenda 1' });

async function showDay(view: 'Giorno' | 'Settimana' | 'Mese', date = DAY): Promise<void> {
  await page.getByLabel('Vista').selectOption({ label: view });
  await typeDate(page.getByRole('group', { name: 'Vai al giorno' }), date);
}

async function newAppointment(): Promise<void> {
  await page.getByRole('button', { name: 'Nuovo appuntamento' }).click();
  await dialog().getByRole('heading', { name: 'Nuovo appuntamento' }).waitFor();
}

async function fillWhenWhere(from: string, to: string, room: string, date = DAY): Promise<void> {
  const d = dialog();
  await typeDate(d.getByRole('group', { name: 'Data', exact: true }), date);
  await typeTime(d.getByRole('group', { name: 'Dalle', exact: true }), from);
  await typeTime(d.getByRole('group', { name: 'Alle', exact: true }), to);
  await d.getByLabel('Sede', { exact: true }).selectOption({ label: 'Amelia' });
  await d.getByLabel('Stanza').selectOption({ label: room });
}

beforeAll(async () => {
  // The zone, the équipe, the person from Giove and her case are prepared through the core.
  office = await officeInChromium({
    name: 'agenda',
    staff: [AS, EDU, COORD],
    // An en-US browser, like Debian's Chromium: dates and times must still be Italian.
    locale: 'en-US',
    timeout: 15_000,
    prepare: async ({ as: connectAs }) => {
      const as = await connectAs(AS.username);
      const p = await call(as, 'persons.create', personWithCf({ cognome: 'Sciarra', nome: 'Luigi', residenzaComuneIstat: '055014', residenzaIndirizzo: 'Via Roma 1, Giove' }));
      const amelia = await sedeId(as, 'Amelia');
      return (await call(as, 'cases.open', { personId: p.person.id, sedeId: amelia, area: 'famiglia_minori', problematiche: ['genitorialita'], apertaIl: todayInRome() })).caseId;
    },
  });
  ({ page, data: caseId } = office);
  await page.getByLabel('Nome utente').fill(AS.username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('navigation').waitFor();
});

afterAll(async () => {
  await office?.close();
});

describe('l’agenda di un’assistente sociale, in Chromium', () => {
  it('fissa un colloquio ad Amelia con una persona di Giove, collegato alla sua cartella', async () => {
    await go('#/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await showDay('Settimana');
    await newAppointment();
    const d = dialog();
    await d.getByLabel('Tipo').selectOption({ label: 'Colloquio' });
    await fillWhenWhere('10:00', '11:00', 'Sala colloqui');
    await d.getByLabel('Persona (cognome, nome o codice fiscale)').fill('Sciarra');
    await d.getByRole('button', { name: 'Cerca' }).click();
    await d.getByLabel('Persona trovata').selectOption({ label: 'Sciarra Luigi (Giove)' });
    await d.getByText('cartella collegata').waitFor();
    await check('01-nuovo-colloquio');
    await d.getByRole('button', { name: 'Salva', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    await calendar().getByText('Colloquio: Sciarra Luigi').waitFor();
    await check('02-settimana');
  });

  it('una seconda prenotazione della stessa stanza è segnalata prima di salvare e va confermata', async () => {
    await newAppointment();
    const d = dialog();
    await d.getByLabel(AS.fullName).uncheck();
    await d.getByLabel(EDU.fullName).check();
    await fillWhenWhere('10:30', '11:30', 'Sala colloqui');
    await d.getByText(/La stanza «Sala colloqui» è già occupata/).waitFor();
    await check('03-sovrapposizione');
    await d.getByRole('button', { name: 'Salva comunque' }).click();
    await d.getByText(/Conferma di aver visto le sovrapposizioni/).waitFor();
    expect(await d.isVisible()).toBe(true);
    await d.getByLabel('Ho visto le sovrapposizioni: salva comunque').check();
    await d.getByRole('button', { name: 'Salva comunque' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByLabel('Agenda di').selectOption({ label: 'Sede di Amelia' });
    await calendar()
      .getByText(/⚠ .*Colloquio: Sciarra Luigi/)
      .waitFor();
    expect(await calendar().getByText(/^⚠ /).count()).toBe(2);
    await check('04-sovrapposte-in-sede');
  });

  it('la riunione d’équipe ogni martedì alle 9 compare tutti i martedì, in settimana e nel mese', async () => {
    await newAppointment();
    const d = dialog();
    await d.getByLabel('Tipo').selectOption({ label: 'Riunione d’équipe' });
    await fillWhenWhere('09:00', '10:00', 'Sala riunioni');
    await d.getByLabel('Ripetizione').selectOption({ label: 'Ogni settimana, stesso giorno' });
    await d.getByRole('button', { name: 'Salva', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    await calendar()
      .getByText(/Riunione d.équipe/)
      .first()
      .waitFor();
    await showDay('Settimana', addDays(DAY, 7));
    await calendar()
      .getByText(/Riunione d.équipe/)
      .first()
      .waitFor();
    expect(
      await calendar()
        .getByText(/Riunione d.équipe/)
        .count(),
    ).toBe(1);
    await showDay('Mese', addDays(DAY, 28));
    await calendar()
      .getByText(/Riunione d.équipe/)
      .first()
      .waitFor();
    const days = await calendar()
      .locator('[data-date]')
      .filter({ hasText: /Riunione d.équipe/ })
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-date') ?? ''));
    expect(days.length).toBeGreaterThanOrEqual(4);
    for (const day of days) expect(isoWeekday(day)).toBe(2);
    expect(days).toContain(addDays(DAY, 28));
    await check('05-mese');
  });

  it('segnare svolto il colloquio apre l’annotazione nel diario, già compilata', async () => {
    await showDay('Giorno');
    await calendar()
      .getByText(/⚠ .*Colloquio: Sciarra Luigi/)
      .first()
      .click();
    const d = dialog();
    await d.getByText('Sovrapposto a un altro appuntamento').waitFor();
    await check('06-dettaglio');
    await d.getByRole('button', { name: 'Segna svolto' }).click();
    await d.getByRole('heading', { name: 'Annotazione nel diario' }).waitFor();
    expect(await d.getByLabel('Luogo').inputValue()).toBe('Sede di Amelia, Sala colloqui');
    expect(await d.getByLabel('Partecipanti').inputValue()).toContain('Sciarra Luigi');
    await d.getByLabel('Testo dell’annotazione').fill('Colloquio svolto: il signor Sciarra porterà l’ISEE aggiornato entro venerdì.');
    await check('07-diario-precompilato');
    await d.getByRole('button', { name: 'Salva nel diario' }).click();
    await d.waitFor({ state: 'detached' });
    await calendar()
      .getByText(/Svolto.*Colloquio: Sciarra Luigi|Colloquio: Sciarra Luigi.*Svolto/i)
      .waitFor();
    await go(`#/cartelle/${caseId}/diario`);
    await page.getByText('porterà l’ISEE aggiornato entro venerdì').waitFor();
    await go('#/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
  });

  it('stampa l’agenda del giorno in PDF, con le lettere accentate', async () => {
    await page.getByLabel('Agenda di').selectOption({ label: 'Sede di Amelia' });
    await showDay('Giorno');
    await page.getByRole('button', { name: 'Stampa il giorno' }).click();
    await page.locator('#agenda-print').getByText('Sciarra Luigi').first().waitFor();
    await check('08-stampa');
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const pdf = path.join(SCREENSHOT_DIR, 'agenda-giorno.pdf');
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: pdf, format: 'A4' });
    await page.emulateMedia({ media: 'screen' });
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    expect(text).toContain('Riunione d’équipe');
    expect(text).toContain('Sciarra Luigi');
    expect(text).toContain('Amelia');
    expect(text).toContain(DAY.slice(0, 4));
    expect(text).not.toContain('Torna all’agenda');
    await page.getByRole('button', { name: 'Torna all’agenda' }).click();
  });

  it('i dati sbagliati nel modulo hanno errori chiari, in italiano', async () => {
    await newAppointment();
    const d = dialog();
    await fillWhenWhere('11:00', '10:00', 'Sala colloqui');
    await d.getByText('La fine deve essere successiva all’inizio.').waitFor();
    await check('09-fine-prima-inizio');
    await typeTime(d.getByRole('group', { name: 'Alle', exact: true }), '11:00');
    await d.getByText('Un appuntamento non può durare 0 minuti: indica l’ora di fine.').waitFor();
    await typeTime(d.getByRole('group', { name: 'Alle', exact: true }), '11:03');
    await d.getByText('Un appuntamento dura almeno 5 minuti.').waitFor();
    await d.getByRole('button', { name: 'Salva', exact: true }).click();
    expect(await d.isVisible()).toBe(true);
    // The room list follows the sede: a room of the other sede cannot be chosen.
    await d.getByLabel('Sede', { exact: true }).selectOption({ label: 'Narni' });
    expect(await d.getByLabel('Stanza').inputValue()).toBe('');
    const rooms = await d.getByLabel('Stanza').locator('option').allTextContents();
    expect(rooms).toContain('Sala colloqui 1');
    expect(rooms).not.toContain('Sala colloqui');
    await d.getByRole('button', { name: 'Annulla' }).click();
    await d.waitFor({ state: 'detached' });
  });

  it('date e ore in italiano anche in un browser inglese; le ore che non esistono sono rifiutate', async () => {
    await newAppointment();
    const d = dialog();
    const data = d.getByRole('group', { name: 'Data', exact: true });
    await data.click();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.press('Backspace');
    expect(await fieldText(data)).toBe('GG/MM/AAAA');
    await page.keyboard.type('29022023');
    expect(await fieldText(data)).toBe('29/02/2023');
    await d.getByText('Data: data non valida. Scrivi gg/mm/aaaa (il 29/02 esiste solo negli anni bisestili).').waitFor();
    await check('12-data-inesistente');
    await fillWhenWhere('02:30', '03:30', 'Sala colloqui', '2026-03-29');
    expect(await fieldText(d.getByRole('group', { name: 'Dalle', exact: true }))).toBe('02:30');
    await d.getByText('L’ora 02:30 del 29/03/2026 non esiste: quella notte gli orologi passano dalle 02:00 alle 03:00.').waitFor();
    await check('13-ora-legale');
    await d.getByRole('button', { name: 'Annulla' }).click();
    await d.waitFor({ state: 'detached' });
  });

  it('una serie che termina dopo 4 volte, un appuntamento alle 6:30, il periodo mostrato e i pulsanti per scorrerlo', async () => {
    await go('#/agenda');
    await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
    await page.getByLabel('Agenda di').selectOption({ label: AS.fullName });
    // «ogni domenica per 4 settimane», from Sunday 6 December 2026.
    await newAppointment();
    let d = dialog();
    await d.getByLabel('Tipo').selectOption({ label: 'Sportello' });
    await fillWhenWhere('10:00', '12:00', 'Sala riunioni', '2026-12-06');
    await d.getByLabel('Ripetizione').selectOption({ label: 'Ogni settimana, stesso giorno' });
    await d.getByLabel('Termina').selectOption({ label: 'Dopo un numero di volte' });
    await d.getByLabel('Numero di volte').fill('4');
    await check('14-serie-4-volte');
    await d.getByRole('button', { name: /^Salva/ }).click();
    await d.waitFor({ state: 'detached' });
    // Before 07:00: the grid widens to show it.
    await newAppointment();
    d = dialog();
    await d.getByLabel('Tipo').selectOption({ label: 'Altro' });
    await fillWhenWhere('06:30', '07:15', 'Sala colloqui', '2026-12-09');
    await d.getByRole('button', { name: /^Salva/ }).click();
    await d.waitFor({ state: 'detached' });

    await showDay('Settimana', '2026-12-09');
    const title = page.getByRole('navigation', { name: 'Periodo' }).getByRole('heading');
    await expect.poll(() => title.textContent()).toBe('settimana dal 7 al 13 dicembre 2026');
    // Typing the year digit by digit never sends a half-typed date (year 0002) to the core.
    expect(await page.getByText(/data non valida/).count()).toBe(0);
    await calendar()
      .getByText(/^Altro · Sala colloqui/)
      .waitFor();
    expect(
      await calendar()
        .getByText(/^Altro · Sala colloqui/)
        .isVisible(),
    ).toBe(true);
    // The holiday of 8 December is named once in the week grid.
    expect(await calendar().getByText('Immacolata Concezione').count()).toBe(1);
    await check('15-settimana-con-festa-e-mattina-presto');
    await page.getByRole('button', { name: '‹ Precedente' }).click();
    await expect.poll(() => title.textContent()).toBe('settimana dal 30 novembre al 6 dicembre 2026');
    await page.getByRole('button', { name: 'Successivo ›' }).click();
    await page.getByRole('button', { name: 'Successivo ›' }).click();
    await expect.poll(() => title.textContent()).toBe('settimana dal 14 al 20 dicembre 2026');
    await page.getByLabel('Vista').selectOption({ label: 'Mese' });
    await expect.poll(() => title.textContent()).toBe('dicembre 2026');
    await calendar()
      .getByText(/Sportello/)
      .first()
      .waitFor();
    const sundays = await calendar()
      .locator('[data-date]')
      .filter({ hasText: /Sportello/ })
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-date') ?? ''));
    expect(sundays).toEqual(['2026-12-06', '2026-12-13', '2026-12-20', '2026-12-27']);
    await check('16-mese-serie-finita');
    await page.getByLabel('Vista').selectOption({ label: 'Giorno' });
    await expect.poll(() => title.textContent()).toMatch(/^[a-zì]+ \d{1,2} dicembre 2026$/);
    await page.getByRole('button', { name: 'Oggi' }).click();
    await page.getByLabel('Vista').selectOption({ label: 'Settimana' });
  });

  it('dalla cartella, «Nuovo appuntamento» apre il modulo già con la persona e la cartella', async () => {
    await go(`#/cartelle/${caseId}`);
    await page.getByText('Cartella sociale', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Nuovo appuntamento' }).click();
    const d = dialog();
    await d.getByText('Con: Sciarra Luigi · cartella collegata').waitFor();
    expect(await d.getByLabel('Sede', { exact: true }).locator('option:checked').textContent()).toBe('Amelia');
    await check('10-dalla-cartella');
    await d.getByRole('button', { name: 'Annulla' }).click();
    await d.waitFor({ state: 'detached' });
  });

  it('la coordinatrice imposta gli orari delle sedi e i patroni dei comuni', async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByLabel('Nome utente').fill(COORD.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('navigation').waitFor();
    await go('#/impostazioni/zona');
    await page.getByRole('heading', { name: 'Orari delle sedi' }).waitFor();
    await typeTime(page.getByRole('group', { name: 'Lunedì: mattina dalle' }).first(), '09:00');
    await typeTime(page.getByRole('group', { name: 'Lunedì: mattina alle' }).first(), '08:00');
    await page
      .getByRole('button', { name: /^Salva gli orari di / })
      .first()
      .click();
    await page.getByText('Orari del mattino: la chiusura deve seguire l’apertura.').waitFor();
    await typeTime(page.getByRole('group', { name: 'Lunedì: mattina alle' }).first(), '13:00');
    await page
      .getByRole('button', { name: /^Salva gli orari di / })
      .first()
      .click();
    await page.getByText('Orari salvati.').waitFor();
    await page.getByLabel('Giove: giorno del patrono (mm-gg)').fill('13-45');
    await page.getByRole('button', { name: 'Salva il patrono di Giove' }).click();
    await page.getByText(/Giorno del patrono: usa mm-gg/).waitFor();
    await page.getByLabel('Giove: giorno del patrono (mm-gg)').fill('06-13');
    await page.getByLabel('Giove: santo patrono').fill('Sant’Antonio');
    await page.getByRole('button', { name: 'Salva il patrono di Giove' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Salva il patrono di Giove' }).isDisabled()).toBe(true);
    await check('11-orari-patroni');
  });

  it('nessuna violazione di accessibilità seria o critica', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
