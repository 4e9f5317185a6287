import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInRome } from '../../shared/domain/dates';
import { call } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { SCREENSHOT_DIR } from './support/browser';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { checkScreen, goTo } from './support/screens';
import { login, logout } from './support/session';

const STAFF = {
  as: { username: 'as.narni', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const },
  coord: { username: 'coord.zona', fullName: 'Paola Neri', profile: 'coordinatore' as const },
};
const TODAY = todayInRome();
const DIARY = 'Colloquio di verifica con la signora Quercioli';

let office: Office<string>;
let page: Page;
let personId = '';
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `diritti-${name}`, name, a11y);

beforeAll(async () => {
  // The person, her case and a diary entry come from the core; the export and the restriction are done in the UI.
  office = await officeInChromium({
    name: 'diritti',
    staff: Object.values(STAFF),
    timeout: 30_000,
    prepare: async ({ as: connectAs }) => {
      const as = await connectAs(STAFF.as.username);
      const narni = await sedeId(as, 'Narni');
      const id = (await call(as, 'persons.create', personWithCf({ cognome: 'Quercioli', nome: 'Elena', sesso: 'F', dataNascita: '1968-09-21', telefono: '0744 123456' }))).person
        .id;
      const { caseId } = await call(as, 'cases.open', { personId: id, sedeId: narni, area: 'anziani', problematiche: [], apertaIl: TODAY });
      await call(as, 'diary.create', { caseId, tipo: 'colloquio', data: TODAY, ora: '', luogo: '', partecipanti: '', riservato: false, nominati: [], testo: DIARY });
      await call(as, 'persons.get', { id });
      return id;
    },
  });
  ({ page, data: personId } = office);
});

afterAll(async () => {
  await office?.close();
});

async function keep(download: Download): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `diritti-${download.suggestedFilename()}`);
  await download.saveAs(file);
  return file;
}

async function searchFor(text: string): Promise<string> {
  await goTo(page, '#/persone');
  const box = page.getByRole('combobox', { name: 'Cerca persone e cartelle' });
  await box.fill(text);
  const status = page.getByRole('search').getByRole('status');
  await page.waitForFunction((el) => (el?.textContent ?? '') !== '', await status.elementHandle());
  return (await status.textContent()) ?? '';
}

describe('diritti dell’interessato (art. 15 e 18 GDPR), in Chromium', () => {
  it('il coordinatore estrae i dati di una persona: un PDF A4 in italiano e uno ZIP con JSON e CSV', async () => {
    await login(page, STAFF.coord.username, PASSWORD);
    await goTo(page, `#/persone/${personId}`);
    const section = page.getByRole('region', { name: 'Diritti dell’interessato' });
    await section.getByText('Nessuna limitazione del trattamento registrata.').waitFor();
    await check('01-scheda-coordinatore');
    const downloads: Download[] = [];
    const both = new Promise<void>((resolve) => {
      page.on('download', (d) => {
        downloads.push(d);
        if (downloads.length === 2) resolve();
      });
    });
    await section.getByRole('button', { name: 'Estrai i dati (art. 15)' }).click();
    await both;
    await section.getByTestId('estrazione-fatta').waitFor();
    const names = downloads.map((d) => d.suggestedFilename()).sort();
    expect(names).toEqual([`accesso-dati-${TODAY}.pdf`, `accesso-dati-${TODAY}.zip`]);
    const [pdfFile, zipFile] = await Promise.all(downloads.map(keep).sort());
    const text = execFileSync('pdftotext', ['-layout', pdfFile!, '-'], { encoding: 'utf8' });
    for (const s of ['Accesso ai dati personali (art. 15 GDPR)', 'Quercioli Elena', DIARY, 'Chi ha consultato o trattato i dati', 'Consultazione della scheda'])
      expect(text).toContain(s);
    expect(execFileSync('pdfinfo', [pdfFile!], { encoding: 'utf8' })).toMatch(/Page size:.*\(A4\)/);
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', pdfFile!, path.join(SCREENSHOT_DIR, 'diritti-estrazione')]);
    const listing = execFileSync('unzip', ['-Z1', zipFile!], { encoding: 'utf8' });
    for (const f of ['LEGGIMI.txt', 'dati.json', 'diario.csv', 'accessi_ai_dati.csv']) expect(listing).toContain(f);
    expect(execFileSync('unzip', ['-p', zipFile!, 'diario.csv'], { encoding: 'utf8' })).toContain(DIARY);
    await check('02-estrazione-fatta');
  });

  it('il coordinatore limita il trattamento, con un motivo; la scheda lo mostra', async () => {
    const section = page.getByRole('region', { name: 'Diritti dell’interessato' });
    await section.getByRole('button', { name: 'Limita il trattamento' }).click();
    const dialog = page.getByRole('dialog', { name: 'Limitare il trattamento (art. 18 GDPR)' });
    await dialog.getByLabel('Motivo della limitazione').fill('L’interessata contesta l’esattezza dei dati');
    await check('03-limitazione-dialogo');
    await dialog.getByRole('button', { name: 'Limita il trattamento' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('limitazione').getByText('Motivo: L’interessata contesta l’esattezza dei dati').waitFor();
    await section.getByRole('button', { name: 'Revoca la limitazione' }).waitFor();
    await check('04-scheda-limitata-coordinatore');
    expect(await searchFor('Quercioli')).toBe('1 persona trovata.');
    await logout(page);
  });

  it('l’assistente sociale non la trova più, e dalla scheda non può modificarla', async () => {
    await login(page, STAFF.as.username, PASSWORD);
    expect(await searchFor('Quercioli')).toBe('Nessuna persona trovata.');
    await check('05-ricerca-assistente');
    // Her case file's link still opens her page (read-only), and the page says why.
    await goTo(page, `#/persone/${personId}`);
    const banner = page.getByTestId('limitazione');
    await banner.getByText('Trattamento limitato (art. 18 GDPR)').waitFor();
    expect(await banner.textContent()).not.toContain('contesta');
    expect(await page.getByRole('region', { name: 'Diritti dell’interessato' }).count()).toBe(0);
    await check('06-scheda-limitata-assistente');
    // The page offers no edits; the form reached by its address is refused by the core.
    expect(await page.getByRole('link', { name: 'Modifica anagrafica' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Nuovo ISEE' }).count()).toBe(0);
    await goTo(page, `#/persone/${personId}/modifica`);
    await page.getByLabel('Telefono').fill('0744 999999');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByText(/Il trattamento dei dati di questa persona è limitato \(art\. 18 GDPR\)/).waitFor();
    await check('07-modifica-rifiutata');
    await logout(page);
  });

  it('nessuna violazione grave di accessibilità nelle schermate', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
