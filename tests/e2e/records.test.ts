import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInRome } from '../../shared/domain/dates';
import { ADMIN, call } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { STAFF_PASSWORD, officeInChromium, type Office } from './support/office';
import { typeDate } from './support/pickers';
import { checkScreen, goTo } from './support/screens';
import { login, logout } from './support/session';

/*
 * The audit viewer filtered by a person and a period and exported; the art. 30 record edited and
 * printed; the scarto screen with a closed file past retention. As the office uses them, in Chromium.
 */

let office: Office<void>;
let page: Page;
const coordinatore = { username: 'c.rossi', password: STAFF_PASSWORD };
const STAFF = [
  { username: 'd.sportello', fullName: 'Dario Sportello', profile: 'amministrativo' as const },
  { username: 's.sociale', fullName: 'Sara Sociale', profile: 'assistente_sociale' as const },
  { username: coordinatore.username, fullName: 'Carla Rossi', profile: 'coordinatore' as const },
];
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `records-${name}`, name, a11y);
const TODAY = todayInRome();

beforeAll(async () => {
  office = await officeInChromium({
    name: 'records',
    staff: STAFF,
    timeout: 20_000,
    prepare: async ({ as: connectAs }) => {
      const desk = await connectAs('d.sportello');
      const as = await connectAs('s.sociale');
      const wanted = (await call(desk, 'persons.create', personWithCf({ cognome: 'Esportabile', nome: 'Rita', sesso: 'F', dataNascita: '1977-07-07' }))).person.id;
      const other = (await call(desk, 'persons.create', personWithCf({ cognome: 'Altri', nome: 'Mario', sesso: 'M', dataNascita: '1960-06-06' }))).person.id;
      for (let i = 0; i < 3; i++) await call(desk, 'persons.get', { id: wanted });
      await call(desk, 'persons.get', { id: other });
      const old = await call(as, 'cases.open', { personId: other, sedeId: await sedeId(as, 'Narni'), area: 'anziani', problematiche: ['lavoro'], apertaIl: '2011-04-04' });
      await call(as, 'cases.setStatus', { id: old.caseId, stato: 'chiuso', data: '2013-09-30', motivo: 'Trasferimento' });
    },
  });
  page = office.page;
}, 120_000);

afterAll(async () => {
  await office?.close();
});

describe('registro accessi e registro dei trattamenti, in Chromium', () => {
  it('filtra il registro per persona, azione e periodo, ed esporta in CSV quello che mostra', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await goTo(page, '#/registro');
    await page.getByRole('heading', { name: 'Accessi ai dati' }).waitFor();
    await page.getByLabel('Soggetto').fill('Esportabile');
    await page.getByLabel('Azione').selectOption({ label: 'Anagrafica' });
    await typeDate(page.getByRole('group', { name: 'Dal', exact: true }), TODAY);
    await typeDate(page.getByRole('group', { name: 'Al', exact: true }), TODAY);
    await page.getByRole('button', { name: 'Filtra' }).click();
    const rows = page.getByRole('table', { name: 'Registro: Accessi ai dati' }).locator('tbody tr');
    await expect.poll(async () => rows.count()).toBe(4);
    for (const text of await rows.allInnerTexts()) expect(text).toContain('Esportabile Rita');
    await check('01-registro-filtrato');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^registro-accessi-\d{4}-\d\d-\d\d\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('N.;Data e ora;Utente;Profilo;Postazione;Azione;Tipo di soggetto;Id del soggetto;Soggetto;Finalità;Esito;Dettaglio');
    expect(lines.slice(1)).toHaveLength(4);
    for (const line of lines.slice(1)) expect(line).toContain(';Esportabile Rita;');
    await page.getByText(/Esportate 4 registrazioni nel file registro-accessi-/).waitFor();

    // The export is itself in the administrative log.
    await page.getByRole('button', { name: 'Togli i filtri' }).click();
    await goTo(page, '#/registro/amministrazione');
    await page.getByRole('heading', { name: 'Azioni amministrative' }).waitFor();
    await page.getByRole('cell', { name: 'Esportazione del registro accessi' }).first().waitFor();
  }, 60_000);

  it('compila e stampa il registro dei trattamenti (A4) dalle impostazioni della zona', async () => {
    await goTo(page, '#/impostazioni/trattamenti');
    await page.getByRole('heading', { name: 'Registro delle attività di trattamento (art. 30 GDPR)' }).waitFor();
    expect(await page.getByLabel('Titolare del trattamento').inputValue()).toBe('Comune di Narni (capofila)');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Responsabile della protezione dei dati (DPO): campo obbligatorio.').first().waitFor();
    await page.getByLabel('Responsabile della protezione dei dati (DPO)').fill('Studio DPO Terni');
    await page.getByLabel('Recapiti del DPO').fill('dpo@comune.narni.tr.it');
    await page.getByLabel('Conservazione delle cartelle chiuse (anni)').fill('10');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText('Registro dei trattamenti salvato.').waitFor();
    await page.getByRole('button', { name: 'Anteprima di stampa' }).click();
    // Chromium prints the PDF in the core: on a busy two-core machine this has taken over 20 s.
    await page.getByRole('heading', { name: 'Registro stampabile' }).waitFor({ timeout: 90_000 });
    await page.getByRole('img', { name: /^Registro delle attività di trattamento, pagina 1 di \d+$/ }).waitFor();
    await check('02-registro-trattamenti');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Salva PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^registro-trattamenti-\d{4}-\d\d-\d\d\.pdf$/);
    const file = await download.path();
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    for (const expected of ['Registro delle attività di trattamento', 'Studio DPO Terni', 'Comune di Narni (capofila)', '10 anni dalla chiusura', 'Comune di Penna in Teverina'])
      expect(text).toContain(expected);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    await logout(page);
  }, 120_000);

  it('il coordinatore vede la cartella chiusa da oltre 10 anni e il modulo dell’autorizzazione', async () => {
    await login(page, coordinatore.username, coordinatore.password);
    await goTo(page, '#/impostazioni/scarto');
    await page.getByRole('heading', { name: 'Cartelle da riesaminare' }).waitFor();
    await page.getByRole('cell', { name: 'Altri Mario' }).waitFor();
    await page.getByRole('checkbox', { name: /Scegli la cartella/ }).check();
    await page.getByLabel('Numero dell’autorizzazione').fill('1234/2026');
    await page.getByRole('button', { name: 'Esporta la cartella scelta' }).waitFor();
    await check('03-scarto');
    expect(a11y).toEqual({ '01-registro-filtrato': [], '02-registro-trattamenti': [], '03-scarto': [] });
  }, 60_000);
});
