import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startApp, type RunningApp } from './support/app-server';
import { checkScreen, goTo } from './support/screens';
import { launchChromium, newItalianPage } from './support/browser';
import { filesUnder } from '../support/core-harness';

const ADMIN = { name: 'Anna Bianchi', username: 'abianchi', password: 'Amministratrice-2026' };
// A name no one has, typed in the UI: it must appear in no file of the data folder in clear.
const EDU = { name: 'Luca Zqxverdi', username: 'lverdi', temp: 'Provvisoria-2026', password: 'Educatore-2026!' };

let app: RunningApp;
let browser: Browser;
let page: Page;
const a11y: Record<string, string[]> = {};

async function check(name: string): Promise<void> {
  await checkScreen(page, name, name, a11y);
}

async function go(hash: string): Promise<void> {
  await goTo(page, hash);
}

beforeAll(async () => {
  app = await startApp();
  browser = await launchChromium();
  page = await newItalianPage(browser);
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe("primo giorno dell'ufficio, in Chromium, in modalità browser", () => {
  it("configura la zona, crea l'amministratore e mostra la chiave di recupero", async () => {
    await page.goto(app.url);
    await page.getByRole('heading', { name: /Configurazione iniziale/i }).waitFor();
    await expect(page.getByText('Giove').first().isVisible()).resolves.toBe(true);
    await check('01-configurazione-zona');
    await page.getByRole('button', { name: 'Avanti' }).click();
    // An empty form: every field says what it needs, at once.
    await page.getByRole('button', { name: "Crea la zona e l'amministratore" }).click();
    await page.getByText('Ci sono 3 campi da correggere:').waitFor();
    for (const label of ['Nome e cognome', 'Nome utente', 'Password']) {
      expect(await page.getByLabel(label, { exact: true }).getAttribute('aria-invalid')).toBe('true');
    }
    await page.getByText('Nome e cognome: almeno 2 caratteri.').first().waitFor();
    await page.getByText('Nome utente: almeno 3 caratteri.').first().waitFor();
    await check('02a-amministratore-modulo-vuoto');
    await page.getByLabel('Nome e cognome').fill(ADMIN.name);
    // Typed with capitals, the name is kept in lower case, as the hint says.
    await page.getByLabel('Nome utente').fill('ABianchi');
    expect(await page.getByLabel('Nome utente').inputValue()).toBe(ADMIN.username);
    await page.getByText('Si scrive in minuscolo').waitFor();
    await page.getByLabel('Password', { exact: true }).fill('corta');
    await page.getByLabel('Conferma password').fill('corta');
    await page.getByRole('button', { name: "Crea la zona e l'amministratore" }).click();
    await page
      .getByText(/troppo corta/)
      .first()
      .waitFor();
    await check('02-amministratore-password-debole');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByLabel('Conferma password').fill(ADMIN.password);
    await page.getByRole('button', { name: "Crea la zona e l'amministratore" }).click();
    const key = await page.getByTestId('recovery-key').textContent();
    expect(key?.trim()).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){7}[0-9A-HJKMNP-TV-Z]{5}$/);
    await check('03-chiave-di-recupero');
    const enter = page.getByRole('button', { name: 'Entra nel programma' });
    expect(await enter.isDisabled()).toBe(true);
    await page.getByLabel('Ho stampato o trascritto la chiave e la conserverò in luogo sicuro').check();
    await enter.click();
    await page.getByRole('navigation').waitFor();
    await check('04-home-amministratore');
  });

  it("la Home dell'amministratore elenca i primi passi e spunta da sé una voce fatta", async () => {
    const steps = page.getByRole('region', { name: 'Primi passi' });
    await steps.waitFor();
    // Kept at set-up: the confirmation given there is recorded. The seed has addresses, phones and rooms.
    expect(await steps.getByTestId('primi-passi-chiave').getAttribute('data-done')).toBe('true');
    expect(await steps.getByTestId('primi-passi-utenti').getAttribute('data-done')).toBe('false');
    expect(await steps.getByTestId('primi-passi-orari').getAttribute('data-done')).toBe('false');
    await steps.getByText('Senza orari: Amelia e Narni.').waitFor();
    await steps.getByText('Fatto 3 di 6.').waitFor();
    expect(await steps.getByTestId('primi-passi-patroni').getAttribute('data-done')).toBe('false');
    await steps.getByRole('button', { name: 'Ho controllato i patroni' }).click();
    await steps.locator('[data-testid="primi-passi-patroni"][data-done="true"]').waitFor();
    await steps.getByText('Fatto 4 di 6.').waitFor();
    expect(await steps.getByRole('button', { name: 'Ho controllato i patroni' }).count()).toBe(0);
    await check('04b-home-primi-passi');
    expect(await steps.getByRole('link', { name: 'Vai agli utenti' }).getAttribute('href')).toBe('#/impostazioni/utenti');
  });

  it('crea un educatore con password provvisoria', async () => {
    await page.getByRole('navigation').getByRole('link', { name: 'Impostazioni' }).click();
    await page.getByRole('tab', { name: 'Utenti' }).click();
    await page.getByRole('button', { name: 'Nuovo utente' }).click();
    await page.getByLabel('Nome e cognome').fill(EDU.name);
    await page.getByLabel('Nome utente').fill(EDU.username);
    await page.getByLabel('Profilo').selectOption({ label: 'Educatore professionale' });
    await page.getByLabel('Sede').selectOption({ label: 'Amelia' });
    await page.getByLabel('Password provvisoria').fill(EDU.temp);
    await check('05-nuovo-utente');
    await page.getByRole('button', { name: 'Crea utente' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('cell', { name: EDU.name }).waitFor();
    await check('06-elenco-utenti');
  });

  it("esce, e l'educatore entra, cambia la password provvisoria e trova un'azione negata", async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    await page.getByLabel('Nome utente').fill(EDU.username);
    await page.getByLabel('Password', { exact: true }).fill('sbagliata-1');
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByText('Nome utente o password non corretti.').waitFor();
    await check('07-accesso-errato');
    await page.getByLabel('Password', { exact: true }).fill(EDU.temp);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByLabel('Nuova password', { exact: true }).fill(EDU.password);
    await page.getByLabel('Conferma nuova password').fill(EDU.password);
    await check('08-cambio-password-obbligatorio');
    await page.getByRole('button', { name: 'Salva la nuova password' }).click();
    // What the administrator did to the account is shown to its owner, before anything else.
    const notices = page.getByRole('dialog', { name: 'Modifiche al tuo account' });
    await notices.getByText('Creazione dell’account').waitFor();
    await check('08b-avviso-account-creato');
    await notices.getByRole('button', { name: 'Ho preso visione' }).click();
    await notices.waitFor({ state: 'detached' });
    await page.getByRole('navigation').waitFor();
    // The menu offers only what an educatore may use…
    await expect(page.getByRole('link', { name: 'Registro accessi' }).count()).resolves.toBe(0);
    await check('09-home-educatore');
    // …and a bookmark to the access log is refused by the core, in Italian.
    await go('#/registro');
    const refusal = page.getByText('Il profilo «Educatore professionale» non consente di consultare il registro degli accessi.', { exact: false });
    await refusal.first().waitFor();
    await check('10-registro-negato');
    await go('#/impostazioni/zona');
    await page.getByText('non consente di modificare le impostazioni della zona', { exact: false }).first().waitFor();
  });

  it("l'amministratore vede i rifiuti nel registro, con la catena integra", async () => {
    await page.getByRole('button', { name: 'Esci' }).click();
    // Login ignores case: the name is stored in lower case.
    await page.getByLabel('Nome utente').fill('ABianchi');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('navigation').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: 'Registro accessi' }).click();
    await page
      .getByText(/Catena integra/)
      .first()
      .waitFor();
    await page.getByRole('tab', { name: 'Azioni amministrative' }).click();
    const deniedRow = page.getByRole('row').filter({ hasText: EDU.username }).filter({ hasText: 'negato' });
    await deniedRow.first().waitFor();
    expect(await deniedRow.count()).toBeGreaterThanOrEqual(3); // wrong password, audit.list, zone.settings
    // Actions and subjects in Italian, never as codes.
    const codes = await page.getByRole('cell').evaluateAll((cells) => cells.map((c) => c.textContent ?? '').filter((t) => /^[a-z]+[._][a-zA-Z_.]+$/.test(t)));
    expect(codes).toEqual([]);
    // At 1366×768 the Dettaglio column wraps inside the table instead of running off-screen.
    await page.setViewportSize({ width: 1366, height: 768 });
    const overflow = await page
      .getByRole('table')
      .first()
      .evaluate((table) => {
        const box = (table.parentElement as HTMLElement).getBoundingClientRect();
        const cells = [...table.querySelectorAll('tr > :last-child')].map((c) => c.getBoundingClientRect().right);
        return {
          scroll: (table.parentElement as HTMLElement).scrollWidth - (table.parentElement as HTMLElement).clientWidth <= 1,
          beyond: cells.filter((r) => r > box.right + 1).length,
          viewport: box.right <= 1366,
        };
      });
    expect(overflow).toEqual({ scroll: true, beyond: 0, viewport: true });
    await check('11-registro-rifiuti');
    await page.setViewportSize({ width: 1366, height: 800 });
  });

  it('si blocca con Ctrl+L e si sblocca con la password', async () => {
    await page.keyboard.press('Control+l');
    await page.getByRole('heading', { name: 'Sessione bloccata' }).waitFor();
    await check('12-sessione-bloccata');
    await page.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sblocca' }).click();
    await page.getByRole('navigation').waitFor();
  });

  it('no screen has serious or critical accessibility violations (axe-core, WCAG 2.1 AA)', () => {
    expect(Object.keys(a11y).length).toBeGreaterThanOrEqual(10);
    expect(Object.fromEntries(Object.entries(a11y).filter(([, v]) => v.length > 0))).toEqual({});
  });

  it('the name typed in the UI is in no file of the data folder in clear', () => {
    const needles = [Buffer.from(EDU.name, 'utf8'), Buffer.from(EDU.name, 'utf16le'), Buffer.from('Zqxverdi', 'utf8')];
    const files = filesUnder(app.dataDir);
    expect(files.some((f) => f.endsWith('archivio.db'))).toBe(true);
    const leaking = files.filter((f) => needles.some((n) => fs.readFileSync(f).includes(n)));
    expect(leaking).toEqual([]);
  });
});
