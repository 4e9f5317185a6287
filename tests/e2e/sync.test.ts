import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syncCommand } from '../../electron/core/cli/sync-command';
import { todayInRome } from '../../shared/domain/dates';
import { ADMIN, call, createUser, loginAs, setUpZone, testCore } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { startApp, type RunningApp } from './support/app-server';
import { launchChromium, newItalianPage } from './support/browser';
import { checkScreen, goTo } from './support/screens';
import { login } from './support/session';

const PASSPHRASE = 'ponte lucido arancia treno';
const tmp = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `udc-e2e-sync-${name}-`));

let narni: RunningApp;
let amelia: RunningApp;
let browser: Browser;
let pageN: Page;
let pageA: Page;
let personId = '';
let caseId = '';
let operatorPassword = '';
let share = '';
const a11y: Record<string, string[]> = {};
const NARNI = 'Narni – PC segreteria';
const AMELIA = 'Amelia – PC segreteria';
const DIARY = 'Colloquio di conoscenza con il signor Colò.';
const DIARY_NARNI = 'Colloquio a Narni: il signor Colò chiede un contributo per le bollette.';
const DIARY_AMELIA = 'Colloquio ad Amelia: concordata una visita domiciliare per martedì.';

beforeAll(async () => {
  // Narni: the zone's first node, an operator and a person; Amelia joins from a pairing file (the CLI).
  share = tmp('cartella');
  const usb = tmp('chiavetta');
  const narniDir = tmp('narni');
  const z = await setUpZone(narniDir);
  await call(z.admin, 'sync.enable', { label: NARNI });
  await call(z.admin, 'sync.setFolder', { folder: share, intervalMin: 60 });
  await createUser(z.admin, { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  const as = await loginAs(z.core, 'l.neri', 'Provvisoria-2026');
  operatorPassword = as.password;
  personId = (await call(as.conn, 'persons.create', personWithCf({ cognome: 'Colò', nome: 'Nicolò', telefono: '0744 715123' }))).person.id;
  // His case and one diary entry: both sedi hold it once Amelia has joined, and both will edit it.
  caseId = (await call(as.conn, 'cases.open', { personId, sedeId: await sedeId(as.conn, 'Amelia'), area: 'poverta', problematiche: [], apertaIl: todayInRome() })).caseId;
  await call(as.conn, 'diary.create', { caseId, tipo: 'colloquio', data: todayInRome(), ora: '', luogo: '', partecipanti: '', riservato: false, nominati: [], testo: DIARY });
  await call(z.admin, 'sync.runNow', {});
  const made = await call(z.admin, 'sync.createPairing', { label: AMELIA, passphrase: PASSPHRASE, folder: usb });
  z.core.close();
  const secrets = tmp('segreti');
  fs.writeFileSync(path.join(secrets, 'password.txt'), `${ADMIN.password}\n`);
  fs.writeFileSync(path.join(secrets, 'frase.txt'), `${PASSPHRASE}\n`);
  const ameliaDir = path.join(tmp('amelia'), 'dati');
  const code = await syncCommand(
    [
      'join',
      '--data-dir',
      ameliaDir,
      '--from',
      made.file,
      '--passphrase-file',
      path.join(secrets, 'frase.txt'),
      '--folder',
      share,
      '--user',
      ADMIN.username,
      '--password-file',
      path.join(secrets, 'password.txt'),
    ],
    { openCore: (o) => testCore(o.dataDir), out: { write: () => true }, progress: { write: () => true }, workstation: 'amelia' },
  );
  expect(code).toBe(0);
  [narni, amelia] = await Promise.all([startApp(narniDir), startApp(ameliaDir)]);
  browser = await launchChromium();
  [pageN, pageA] = await Promise.all([newItalianPage(browser), newItalianPage(browser)]);
  for (const [page, app] of [
    [pageN, narni],
    [pageA, amelia],
  ] as const) {
    page.setDefaultTimeout(20_000);
    await page.goto(app.url);
    await login(page, 'l.neri', operatorPassword);
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([narni?.stop(), amelia?.stop()]);
});

async function editPhone(page: Page, telefono: string): Promise<void> {
  await goTo(page, `#/persone/${personId}`);
  await page.getByRole('link', { name: 'Modifica anagrafica' }).click();
  await page.getByLabel('Telefono').fill(telefono);
  await page.getByRole('button', { name: 'Salva', exact: true }).click();
  await page.getByText(telefono).first().waitFor();
}

async function syncNow(page: Page): Promise<void> {
  await goTo(page, '#/impostazioni/sincronizzazione');
  await page.getByRole('heading', { name: 'Stato della sincronizzazione' }).waitFor();
  const before = await page
    .getByTestId('sync-last-report')
    .textContent()
    .catch(() => '');
  await page.getByRole('button', { name: 'Sincronizza ora' }).click();
  await page.getByText('Sincronizzazione completata — 100%').waitFor();
  await page.waitForFunction((b) => (document.querySelector('[data-testid="sync-last-report"]')?.textContent ?? '') !== b, before);
}

/** Each sede sends, the other reads, twice round: as the office presses «Sincronizza ora» at both. */
async function exchange(): Promise<void> {
  await syncNow(pageN);
  await syncNow(pageA);
  await syncNow(pageN);
}

async function editDiary(page: Page, testo: string): Promise<void> {
  await goTo(page, `#/cartelle/${caseId}/diario`);
  await page.getByRole('article').filter({ hasText: DIARY }).getByRole('button', { name: 'Modifica' }).click();
  const d = page.getByRole('dialog', { name: 'Modifica annotazione' });
  await d.getByLabel('Testo').fill(testo);
  await d.getByRole('button', { name: 'Salva annotazione' }).click();
  await d.waitFor({ state: 'detached' });
  await page.getByText(testo).waitFor();
}

/**
 * #/conflitti at one sede: the conflict `name` ("Persona · Telefono") with both values, one
 * written here and one by the other sede, named by the label it was paired with.
 */
async function conflictShown(page: Page, name: string, values: [string, string], other: string, count: string): Promise<void> {
  await goTo(page, '#/conflitti');
  await page.getByRole('heading', { level: 1, name: 'Conflitti' }).waitFor();
  await page.getByText(count).waitFor();
  const card = page.getByRole('article', { name });
  for (const value of values) await card.getByText(value, { exact: true }).waitFor();
  expect(await card.getByText('Scritta da: Questa postazione').count()).toBe(1);
  expect(await card.getByText(`Scritta da: Postazione «${other}»`).count()).toBe(1);
}

describe('due postazioni vere, una cartella condivisa, in Chromium', { timeout: 120_000 }, () => {
  it('il telefono della stessa persona modificato a Narni e ad Amelia: dopo «Sincronizza ora» entrambe mostrano 1 conflitto', async () => {
    await editPhone(pageN, '0744 111111');
    await editPhone(pageA, '0744 222222');
    await exchange();
    for (const page of [pageN, pageA]) {
      await page.getByRole('link', { name: '1 conflitto da risolvere' }).waitFor();
      expect(await page.getByRole('link', { name: '1 conflitto da risolvere' }).getAttribute('href')).toBe('#/conflitti');
    }
    await checkScreen(pageA, 'sync-01-amelia', 'amelia', a11y);
    await pageN.getByRole('table', { name: 'Postazioni della zona' }).getByText('Amelia – PC segreteria').waitFor();
    await checkScreen(pageN, 'sync-02-narni', 'narni', a11y);
    // Both sides show the same winner: the same value on every node.
    await goTo(pageN, `#/persone/${personId}`);
    await goTo(pageA, `#/persone/${personId}`);
    const shown = async (page: Page) =>
      (
        (await page
          .getByText(/^0744 (111111|222222)$/)
          .first()
          .textContent()) ?? ''
      ).trim();
    expect(await shown(pageN)).toBe(await shown(pageA));
    // The Conflitti view at both sedi: the one conflict, both numbers, who wrote each.
    await conflictShown(pageN, 'Persona · Telefono', ['0744 111111', '0744 222222'], AMELIA, '1 conflitto da risolvere.');
    await checkScreen(pageN, 'sync-03-conflitti-narni', 'conflitti-narni', a11y);
    await conflictShown(pageA, 'Persona · Telefono', ['0744 111111', '0744 222222'], NARNI, '1 conflitto da risolvere.');
    await checkScreen(pageA, 'sync-04-conflitti-amelia', 'conflitti-amelia', a11y);
    expect(a11y).toEqual({ amelia: [], narni: [], 'conflitti-narni': [], 'conflitti-amelia': [] });
  });

  it('la stessa voce di diario modificata a Narni e ad Amelia: dopo la sincronizzazione entrambe le sedi hanno entrambi i testi', async () => {
    await editDiary(pageN, DIARY_NARNI);
    await editDiary(pageA, DIARY_AMELIA);
    await exchange();
    for (const [page, other] of [
      [pageN, AMELIA],
      [pageA, NARNI],
    ] as const) {
      // The diary shows the version in use, marked as in conflict; the other text is kept in Conflitti.
      await goTo(page, `#/cartelle/${caseId}/diario`);
      await page.getByRole('link', { name: 'Versione in conflitto' }).waitFor();
      await conflictShown(page, 'Voce di diario · Testo', [DIARY_NARNI, DIARY_AMELIA], other, '2 conflitti da risolvere.');
    }
    await checkScreen(pageA, 'sync-05-diario-conflitto-amelia', 'diario-amelia', a11y);
    // The same text is in use at both sedi.
    const inUse = async (page: Page) => {
      await goTo(page, `#/cartelle/${caseId}/diario`);
      const text = page.getByText(/^Colloquio (a Narni|ad Amelia): /);
      await text.first().waitFor();
      expect(await text.count()).toBe(1);
      return text.textContent();
    };
    expect(await inUse(pageN)).toBe(await inUse(pageA));
    expect(a11y['diario-amelia']).toEqual([]);
  });

  it('una cartella irraggiungibile è un avviso nella Home e il lavoro continua', async () => {
    fs.renameSync(share, `${share}-staccata`);
    try {
      await goTo(pageA, '#/agenda');
      await pageA.getByRole('navigation', { name: 'Sezioni del programma' }).waitFor();
      await goTo(pageA, '#/');
      await pageA.getByTestId('sync-banner').filter({ hasText: 'non è raggiungibile' }).waitFor();
      await checkScreen(pageA, 'sync-06-home-avviso', 'home', a11y);
      await editPhone(pageA, '0744 333333');
    } finally {
      fs.renameSync(`${share}-staccata`, share);
    }
  });
});
