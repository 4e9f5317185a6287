import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { syncCommand } from '../../electron/core/cli/sync-command';
import { ADMIN, call, createUser, loginAs, setUpZone, testCore } from '../support/core-harness';
import { personWithCf } from '../support/cartella-fixtures';
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
let operatorPassword = '';
let share = '';
const a11y: Record<string, string[]> = {};

beforeAll(async () => {
  // Narni: the zone's first node, an operator and a person; Amelia joins from a pairing file (the CLI).
  share = tmp('cartella');
  const usb = tmp('chiavetta');
  const narniDir = tmp('narni');
  const z = await setUpZone(narniDir);
  await call(z.admin, 'sync.enable', { label: 'Narni – PC segreteria' });
  await call(z.admin, 'sync.setFolder', { folder: share, intervalMin: 60 });
  await createUser(z.admin, { username: 'l.neri', fullName: 'Lucia Neri', profile: 'assistente_sociale', password: 'Provvisoria-2026' });
  const as = await loginAs(z.core, 'l.neri', 'Provvisoria-2026');
  operatorPassword = as.password;
  personId = (await call(as.conn, 'persons.create', personWithCf({ cognome: 'Colò', nome: 'Nicolò', telefono: '0744 715123' }))).person.id;
  await call(z.admin, 'sync.runNow', {});
  const made = await call(z.admin, 'sync.createPairing', { label: 'Amelia – PC segreteria', passphrase: PASSPHRASE, folder: usb });
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

describe('due postazioni vere, una cartella condivisa, in Chromium', { timeout: 120_000 }, () => {
  it('il telefono della stessa persona modificato a Narni e ad Amelia: dopo «Sincronizza ora» entrambe mostrano 1 conflitto', async () => {
    await editPhone(pageN, '0744 111111').catch(async (e: unknown) => {
      await pageN.screenshot({ path: '/tmp/synccore/fail-edit.png' });
      throw e;
    });
    await editPhone(pageA, '0744 222222');
    await syncNow(pageN);
    await syncNow(pageA);
    await syncNow(pageN);
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
    expect(a11y).toEqual({ amelia: [], narni: [] });
  });

  it('una cartella irraggiungibile è un avviso nella Home e il lavoro continua', async () => {
    fs.renameSync(share, `${share}-staccata`);
    try {
      await goTo(pageA, '#/agenda');
      await pageA.getByRole('navigation', { name: 'Sezioni del programma' }).waitFor();
      await goTo(pageA, '#/');
      await pageA.getByTestId('sync-banner').filter({ hasText: 'non è raggiungibile' }).waitFor();
      await checkScreen(pageA, 'sync-03-home-avviso', 'home', a11y);
      await editPhone(pageA, '0744 333333');
    } finally {
      fs.renameSync(`${share}-staccata`, share);
    }
  });
});
