import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { call } from '../support/core-harness';
import { COLLOQUIO, MARINI, STAFF_PASSWORD, exchange, loginAt, twoSedi, type TwoSedi } from '../support/conflict-nodes';
import { startApp, type RunningApp } from './support/app-server';
import { launchChromium, newItalianPage } from './support/browser';
import { checkScreen, goTo } from './support/screens';
import { login } from './support/session';

let t: TwoSedi;
let app: RunningApp;
let browser: Browser;
let page: Page;
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `conflitti-${name}`, name, a11y);
const NARNI_TEXT = 'Colloquio a Narni: la signora chiede un aiuto per l’affitto.';
const AMELIA_TEXT = 'Colloquio ad Amelia: concordata una visita domiciliare per giovedì.';

beforeAll(async () => {
  // Two sedi made in this process, synced through a shared folder, with the same diary entry and
  // the same telephone number changed at both; then the app opens Narni's data folder.
  t = await twoSedi();
  const narni = await loginAt(t.narni, t.usernames.assistente_sociale);
  const amelia = await loginAt(t.amelia, t.usernames.assistente_sociale);
  exchange(t);
  await call(narni, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: NARNI_TEXT });
  await call(amelia, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: AMELIA_TEXT });
  await call(narni, 'persons.update', { id: t.personId, ...MARINI, telefono: '0744 111111' });
  await call(amelia, 'persons.update', { id: t.personId, ...MARINI, telefono: '0744 222222' });
  exchange(t);
  expect(t.narni.store.sync.conflicts()).toHaveLength(2);
  t.close();
  app = await startApp(t.narni.dataDir);
  browser = await launchChromium();
  page = await newItalianPage(browser);
  page.setDefaultTimeout(20_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Accedi' }).waitFor();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('Conflitti, come li risolve l’assistente sociale, in Chromium', () => {
  it('la voce di diario segnala la versione in conflitto e porta ai Conflitti', async () => {
    await login(page, t.usernames.assistente_sociale, STAFF_PASSWORD);
    await goTo(page, `/cartelle/${t.caseId}/diario`);
    const marker = page.getByRole('link', { name: 'Versione in conflitto' });
    await marker.waitFor();
    await marker.click();
    await page.getByRole('heading', { level: 1, name: 'Conflitti' }).waitFor();
  });

  it('mostra entrambi i valori, chi li ha scritti e dove; si tiene un numero con la tastiera', async () => {
    await page.getByText('2 conflitti da risolvere.').waitFor();
    const phone = page.getByRole('article', { name: 'Persona · Telefono' });
    await phone.getByText('0744 111111').waitFor();
    await phone.getByText('0744 222222').waitFor();
    await expect(phone.getByText('Scritta da: Questa postazione').count()).resolves.toBe(1);
    await expect(phone.getByText(/Scritta da: Postazione [0-9a-f]{8}/).count()).resolves.toBe(1);
    const diary = page.getByRole('article', { name: 'Voce di diario · Testo' });
    await diary.getByText(NARNI_TEXT).waitFor();
    await diary.getByText(AMELIA_TEXT).waitFor();
    await check('01-elenco');
    const keep = phone.getByRole('button', { name: /^Mantieni questo: .*Postazione [0-9a-f]{8}/ });
    await keep.focus();
    await page.keyboard.press('Enter');
    await page.getByText('1 conflitto da risolvere.').waitFor();
    await expect(page.getByRole('article', { name: 'Persona · Telefono' }).count()).resolves.toBe(0);
  });

  it('unisce i due testi del diario: l’editor parte con entrambi', async () => {
    const diary = page.getByRole('article', { name: 'Voce di diario · Testo' });
    await diary.getByRole('button', { name: 'Unisci' }).click();
    const editor = diary.getByLabel('Testo unito');
    const draft = await editor.inputValue();
    expect(draft).toContain(NARNI_TEXT);
    expect(draft).toContain(AMELIA_TEXT);
    await editor.fill(`${NARNI_TEXT}\nInoltre: ${AMELIA_TEXT}`);
    await check('02-unisci');
    await diary.getByRole('button', { name: 'Salva il testo unito' }).click();
    await page.getByText('Nessun conflitto da risolvere.').waitFor();
    await check('03-risolti');
    await goTo(page, `/cartelle/${t.caseId}/diario`);
    await page.getByText(`Inoltre: ${AMELIA_TEXT}`).waitFor();
    await expect(page.getByRole('link', { name: 'Versione in conflitto' }).count()).resolves.toBe(0);
  });

  it('nessuna violazione di accessibilità seria', () => {
    expect(a11y).toEqual({ '01-elenco': [], '02-unisci': [], '03-risolti': [] });
  });
});
