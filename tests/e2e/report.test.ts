import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedCommand } from '../../electron/core/cli/seed-command';
import { todayInRome } from '../../shared/domain/dates';
import { ADMIN, createUser, loginAs, setUpZone, testCore } from '../support/core-harness';
import { startApp, type RunningApp } from './support/app-server';
import { launchChromium, newItalianPage, SCREENSHOT_DIR } from './support/browser';
import { checkScreen, goTo } from './support/screens';
import { login } from './support/session';

const PASSWORD = 'Provvisoria-2026-nuova1';
const TODAY = todayInRome();
const [Y, M] = TODAY.split('-').map(Number) as [number, number];
// The page opens on the last full quarter.
const Q = Math.floor((M - 1) / 3) + 1;
const LAST = Q === 1 ? { anno: Y - 1, trimestre: 4 } : { anno: Y, trimestre: Q - 1 };

let app: RunningApp;
let browser: Browser;
let page: Page;
const a11y: Record<string, string[]> = {};

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-report-'));
  const { core, admin } = await setUpZone(dataDir);
  await createUser(admin, { username: 'coord', fullName: 'Carla Coordinatrice', profile: 'coordinatore', password: 'Provvisoria-2026' });
  (await loginAs(core, 'coord', 'Provvisoria-2026')).conn.close();
  core.close();
  const passwordFile = path.join(dataDir, '..', `pw-${path.basename(dataDir)}.txt`);
  fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
  const args = ['--data-dir', dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--persons', '1200', '--seed', '3', '--diary-per-case', '0', '--tirocini', '25'];
  expect(await seedCommand(args, { openCore: (o) => testCore(o.dataDir), today: () => TODAY, out: { write: () => true } })).toBe(0);
  app = await startApp(dataDir);
  browser = await launchChromium();
  page = await newItalianPage(browser);
  page.setDefaultTimeout(20_000);
  await page.goto(app.url);
  await page.getByRole('button', { name: 'Accedi' }).waitFor();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('il report trimestrale, come lo produce il coordinatore, in Chromium', () => {
  it('apre il report dell’ultimo trimestre con grafici, tabelle e i conteggi piccoli segnati «< 5»', async () => {
    await login(page, 'coord', PASSWORD);
    await goTo(page, '#/report');
    await page.getByRole('heading', { name: `Report del ${LAST.trimestre}º trimestre ${LAST.anno}` }).waitFor();
    await page.getByRole('link', { name: 'Flusso SIUSS (verifica ed esportazione)' }).waitFor();
    expect(await page.getByRole('link', { name: 'Flusso SIUSS (verifica ed esportazione)' }).getAttribute('href')).toBe('#/report/siuss');
    // Charts drawn (SVG bars), and the tables of the first grouping.
    await page.locator('figure svg rect').first().waitFor();
    expect(await page.getByRole('tab').allTextContents()).toEqual(['Per comune di residenza', 'Per area di utenza', 'Per sede', 'Per operatore']);
    const nuove = page.getByRole('table', { name: 'Nuove cartelle' });
    await nuove.getByRole('rowheader', { name: 'Penna in Teverina' }).waitFor();
    // Hidden cells say so, and the coordinator sees the exact figure in brackets.
    const hidden = page.locator('td[data-hidden="true"]');
    expect(await hidden.count()).toBeGreaterThan(0);
    expect(await hidden.first().textContent()).toMatch(/^< 5 \(\d+\)$/);
    await checkScreen(page, 'report-01-trimestre', 'trimestre', a11y);
    await page.getByRole('tab', { name: 'Per sede' }).click();
    await page.getByRole('table', { name: 'Accessi' }).getByRole('rowheader', { name: 'Amelia' }).waitFor();
  });

  it('esporta l’XLSX: intestazioni italiane, nessun valore nascosto nel file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta Excel (XLSX)' }).click()]);
    expect(download.suggestedFilename()).toBe(`report-${LAST.anno}-T${LAST.trimestre}.xlsx`);
    const file = await download.path();
    const sheet = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet1.xml'], { encoding: 'utf8' });
    for (const h of ['Raggruppamento', 'Indicatore', 'Gruppo', 'Periodo o voce', 'Valore', 'Nascosto']) expect(sheet).toContain(`>${h}<`);
    expect(sheet).toContain('Per comune di residenza');
    expect(sheet).toContain('Nuove cartelle');
    // Each hidden line: the value cell (column E) is absent, the note says "< 5".
    const rows = [...sheet.matchAll(/<row [^>]*>(.*?)<\/row>/g)].map((m) => m[1]!);
    const hiddenRows = rows.filter((r) => r.includes('&lt; 5'));
    expect(hiddenRows.length).toBeGreaterThan(0);
    for (const r of hiddenRows) expect(r).not.toMatch(/<c r="E\d+"/);
  });

  it('stampa il PDF A4 con i grafici: nessun valore nascosto, «< 5» al loro posto', async () => {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: 'Stampa PDF (A4)' }).click()]);
    expect(download.suggestedFilename()).toBe(`report-${LAST.anno}-T${LAST.trimestre}.pdf`);
    const file = await download.path();
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Page size:.*pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(`Report del ${LAST.trimestre}º trimestre ${LAST.anno}`);
    expect(text).toContain('Per comune di residenza');
    expect(text).toContain('Per operatore');
    expect(text).toContain('< 5');
    expect(text).not.toMatch(/< 5 \(\d+\)/);
    fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', file, path.join(SCREENSHOT_DIR, 'report-pdf')]);
  });

  it('ha schermate senza violazioni di accessibilità gravi', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
