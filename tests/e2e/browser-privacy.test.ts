// Issue 7: "Chromium's History, Top Sites and Sessions held the person's name (the document
// title) and the first URL with #t=<token>". After a day's use of browser mode, the profile
// holds no name, and the address with the token opens nothing any more.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { call, createUser, loginAs, setUpZone } from '../support/core-harness';
import { personWithCf } from '../support/cartella-fixtures';
import { startApp, type RunningApp } from './support/app-server';
import { launchChromium, launchWithProfile, newItalianPage } from './support/browser';
import { goTo } from './support/screens';

const AS = { username: 'as.amelia', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const };
const PERSON = { cognome: 'Quaglierini', nome: 'Ottavina' };

let app: RunningApp;
let profileDir: string;
let context: BrowserContext;
let page: Page;
let personId: string;
let password: string;

beforeAll(async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-privacy-'));
  const { core, admin } = await setUpZone(dataDir);
  await createUser(admin, { ...AS, password: 'Provvisoria-2026' });
  const as = await loginAs(core, AS.username, 'Provvisoria-2026');
  password = as.password;
  personId = (await call(as.conn, 'persons.create', personWithCf({ ...PERSON, residenzaComuneIstat: '055014', residenzaIndirizzo: 'Via Roma 1, Giove' }))).person.id;
  as.conn.close();
  core.close();
  app = await startApp(dataDir);
  profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-profile-'));
  context = await launchWithProfile(profileDir);
  page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15_000);
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await app?.stop();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
});

/** Every text column of every table of a copy of a Chromium SQLite file, joined. */
function sqliteText(file: string): string {
  if (!fs.existsSync(file)) return '';
  const copy = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'udc-history-')), path.basename(file));
  fs.copyFileSync(file, copy);
  const db = new Database(copy, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    return tables.map(({ name }) => JSON.stringify(db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
  } finally {
    db.close();
  }
}

describe('browser mode leaves nothing personal in the browser profile', () => {
  it('after logging in and opening a person, History and the window title hold no name', async () => {
    await page.goto(app.url);
    await page.getByLabel('Nome utente').fill(AS.username);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Accedi' }).click();
    await page.getByRole('navigation').waitFor();
    // The token left the address bar at once.
    expect(page.url()).not.toContain('#t=');
    await goTo(page, `#/persone/${personId}`);
    await page.getByRole('heading', { level: 1, name: new RegExp(PERSON.cognome) }).waitFor();
    expect(await page.title()).toBe('Scheda persona – Ufficio della Cittadinanza');
    // A reload keeps the session (the cookie), without the token.
    await page.reload();
    await page.getByLabel('Nome utente').or(page.getByRole('navigation')).first().waitFor();
    await context.close();

    const history = sqliteText(path.join(profileDir, 'Default', 'History'));
    expect(history).toContain('127.0.0.1');
    for (const file of ['History', 'Top Sites', 'Favicons', 'Shortcuts']) {
      const text = sqliteText(path.join(profileDir, 'Default', file));
      expect(text, file).not.toContain(PERSON.cognome);
      expect(text, file).not.toContain(PERSON.nome);
    }
    const sessions = path.join(profileDir, 'Default', 'Sessions');
    for (const f of fs.existsSync(sessions) ? fs.readdirSync(sessions) : []) {
      const raw = fs.readFileSync(path.join(sessions, f));
      expect(raw.includes(Buffer.from(PERSON.cognome)), f).toBe(false);
      expect(raw.includes(Buffer.from(PERSON.cognome, 'utf16le')), f).toBe(false);
    }
  });

  it('the address with the token, opened again in a fresh browser, says it was already used and opens no session', async () => {
    const browser = await launchChromium();
    try {
      const fresh = await newItalianPage(browser);
      const sockets: string[] = [];
      fresh.on('websocket', (ws) => sockets.push(ws.url()));
      await fresh.goto(app.url);
      await fresh.getByText('Questo collegamento è già stato usato').waitFor();
      expect(await fresh.getByLabel('Nome utente').count()).toBe(0);
      expect(sockets).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
