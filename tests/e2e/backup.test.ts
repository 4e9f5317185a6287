import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedCommand } from '../../electron/core/cli/seed-command';
import { todayInRome } from '../../shared/domain/dates';
import { ADMIN, setUpZone, testCore } from '../support/core-harness';
import { startApp, type RunningApp } from './support/app-server';
import { launchChromium, newItalianPage } from './support/browser';
import { checkScreen, goTo } from './support/screens';
import { login } from './support/session';

let app: RunningApp;
let browser: Browser;
let page: Page;
let backupFolder = '';
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `backup-${name}`, name, a11y);

beforeAll(async () => {
  // A zone with demo data (the seed command), so the backup has tables and rows to copy and check.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-backup-'));
  const { core } = await setUpZone(dataDir);
  core.close();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-backup-work-'));
  const passwordFile = path.join(work, 'password.txt');
  fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
  await seedCommand(['--data-dir', dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--persons', '300'], {
    openCore: (o) => testCore(o.dataDir),
    today: () => todayInRome(),
    out: { write: () => true },
  });
  backupFolder = path.join(work, 'backup-ufficio');
  app = await startApp(dataDir);
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

describe('backup e ripristino, come li usa l’amministratore, in Chromium', () => {
  it('la Home avvisa che i backup non sono configurati; si sceglie la cartella', async () => {
    await login(page, ADMIN.username, ADMIN.password);
    await page.getByRole('alert').filter({ hasText: 'I backup non sono ancora configurati' }).waitFor();
    await check('01-home-avviso');
    await page.getByRole('link', { name: 'Vai ai backup' }).click();
    await page.getByRole('heading', { name: 'Stato dei backup' }).waitFor();
    await page.getByLabel('Cartella dei backup').fill('backup-relativo');
    await page.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await page.getByText('indica il percorso completo').first().waitFor();
    await page.getByLabel('Cartella dei backup').fill(backupFolder);
    await page.getByLabel('Ora (hh:mm)').fill('23:30');
    await page.getByRole('button', { name: 'Salva le impostazioni' }).click();
    await page.getByText('Impostazioni dei backup salvate.').waitFor();
    await page.getByText('Nessun backup nella cartella.').waitFor();
  });

  it('esegue un backup ora, con la barra di avanzamento', async () => {
    // Every value the bar shows, as the page shows it (the core's progress events, one render each).
    await page.evaluate(() => {
      const seen: number[] = [];
      (window as unknown as { seenProgress: number[] }).seenProgress = seen;
      new MutationObserver(() => {
        const value = document.querySelector('[data-testid="backup-progress"]')?.getAttribute('aria-valuenow');
        if (value != null && seen.at(-1) !== Number(value)) seen.push(Number(value));
      }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-valuenow'] });
    });
    await page.getByRole('button', { name: 'Esegui backup ora' }).click();
    const bar = page.getByTestId('backup-progress');
    await bar.waitFor();
    await page.getByText(/^Backup completato: udc-backup-\d{8}-\d{6}\.$/).waitFor();
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page.getByText('Backup completato — 100%').waitFor();
    const seen = await page.evaluate(() => (window as unknown as { seenProgress: number[] }).seenProgress);
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    await page.getByRole('row').filter({ hasText: 'udc-backup-' }).waitFor();
    await page.getByText(/Il registro degli accessi è coerente con l’ancoraggio del backup del/).waitFor();
    await check('02-backup-completato');
    const names = fs.readdirSync(backupFolder);
    expect(names).toHaveLength(1);
    expect(fs.readdirSync(path.join(backupFolder, names[0]!)).sort()).toEqual(['archivio.db', 'chiavi.json', 'manifest.json']);
  });

  it('ripristina il backup dopo una conferma esplicita: chiude le sessioni e i dati tornano quelli del backup', async () => {
    // A change after the backup: the zone's name.
    await goTo(page, '#/impostazioni/zona');
    await page.getByLabel('Nome della zona').fill('Zona cambiata dopo il backup');
    await page.getByRole('region', { name: 'Dati della zona' }).getByRole('button', { name: 'Salva le impostazioni' }).click();
    await page.getByText('Impostazioni della zona salvate.').waitFor();

    await goTo(page, '#/impostazioni/backup');
    await page.getByRole('button', { name: /^Ripristina il backup udc-backup-/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Password', { exact: true }).fill('Password-sbagliata-1');
    await dialog.getByRole('button', { name: 'Ripristina il backup' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Conferma di aver capito' }).waitFor();
    await dialog.getByLabel('Ho capito che i dati attuali saranno sostituiti da quelli del backup').check();
    await dialog.getByRole('button', { name: 'Ripristina il backup' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'non aprono questo backup' }).waitFor();
    await dialog.getByLabel('Password', { exact: true }).fill(ADMIN.password);
    await check('03-ripristino-conferma');
    await dialog.getByRole('button', { name: 'Ripristina il backup' }).click();
    await page.getByText(/^Ripristino completato: i dati sono quelli del backup del/).waitFor();
    await page.getByRole('button', { name: 'Accedi' }).waitFor();
    await check('04-ripristino-completato');

    await login(page, ADMIN.username, ADMIN.password);
    await page.getByText('Zona Sociale 11', { exact: false }).first().waitFor();
    expect(await page.getByText('Zona cambiata dopo il backup').count()).toBe(0);
    await goTo(page, '#/impostazioni/backup');
    // The backup restored and the safety backup of the replaced data.
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'udc-backup-' }).count()).toBe(2);
    await page.getByText(/Ultimo backup \(di sicurezza, prima di un ripristino\)/).waitFor();
    await check('05-dopo-il-ripristino');
  });

  it('nessuna violazione di accessibilità grave o critica', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
