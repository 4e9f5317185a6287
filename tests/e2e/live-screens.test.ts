import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addDays, todayInRome } from '../../shared/domain/dates';
import { isoWeekday } from '../../shared/domain/recurrence';
import { call, createUser, loginAs, setUpZone } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { startApp, type RunningApp } from './support/app-server';
import { typeDate, typeTime } from './support/pickers';
import { goTo } from './support/screens';
import { launchChromium, screenshot } from './support/browser';

const AS = { username: 'as.narni', fullName: 'Marta Fiorucci', profile: 'assistente_sociale' as const };
const EDU = { username: 'edu.narni', fullName: 'Sergio Pazzaglia', profile: 'educatore' as const };
const TEMP = 'Provvisoria-2026';
const PASSWORD = `${TEMP}-nuova1`;

/** The next Wednesday: a day of the coming week with nothing else on it. */
const DAY = (() => {
  let d = addDays(todayInRome(), 1);
  while (isoWeekday(d) !== 3) d = addDays(d, 1);
  return d;
})();

let app: RunningApp;
let browser: Browser;
let a: Page;
let b: Page;
let caseId = '';

async function login(page: Page, username: string): Promise<void> {
  await page.getByLabel('Nome utente').fill(username);
  await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Accedi' }).click();
  await page.getByRole('navigation').waitFor();
}

async function showDay(page: Page): Promise<void> {
  await goTo(page, '#/agenda');
  await page.getByRole('heading', { name: 'Agenda', level: 1 }).waitFor();
  await page.getByLabel('Vista').selectOption({ label: 'Giorno' });
  await typeDate(page.getByRole('group', { name: 'Vai al giorno' }), DAY);
}

beforeAll(async () => {
  // Two colleagues of the Narni office on one case, with one appointment together.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-e2e-live-'));
  const { core, admin } = await setUpZone(dataDir);
  const narni = await sedeId(admin, 'Narni');
  const as = await createUser(admin, { ...AS, password: TEMP });
  const edu = await createUser(admin, { ...EDU, password: TEMP });
  (await loginAs(core, EDU.username, TEMP)).conn.close();
  const { conn } = await loginAs(core, AS.username, TEMP);
  const p = await call(conn, 'persons.create', personWithCf({ cognome: 'Ranieri', nome: 'Ottavio', residenzaComuneIstat: '055022', residenzaIndirizzo: 'Via Garibaldi 4, Narni' }));
  caseId = (await call(conn, 'cases.open', { personId: p.person.id, sedeId: narni, area: 'anziani', problematiche: [], apertaIl: todayInRome() })).caseId;
  await call(conn, 'cases.assign', { id: caseId, userId: edu.id, ruolo: 'co_operatore', dal: todayInRome() });
  const room = (await call(conn, 'zone.get', {})).sedi.find((s) => s.id === narni)!.rooms[0]!.id;
  await call(conn, 'agenda.save', {
    tipo: 'colloquio',
    sedeId: narni,
    roomId: room,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [as.id, edu.id],
    personId: p.person.id,
    caseId,
    start: `${DAY}T10:00`,
    end: `${DAY}T11:00`,
    note: '',
  });
  conn.close();
  core.close();
  app = await startApp(dataDir);
  browser = await launchChromium();
  // One browser, two tabs: the second opens the program with the session cookie the first obtained.
  const context = await browser.newContext({ locale: 'it-IT', timezoneId: 'Europe/Rome', viewport: { width: 1366, height: 800 } });
  a = await context.newPage();
  b = await context.newPage();
  for (const page of [a, b]) page.setDefaultTimeout(15_000);
  await a.goto(app.url);
  await a.getByRole('button', { name: 'Accedi' }).waitFor();
  await b.goto(`${app.origin}/`);
  await b.getByRole('button', { name: 'Accedi' }).waitFor();
  await login(a, AS.username);
  await login(b, EDU.username);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('schermate vive: ciò che un collega cambia compare senza ricaricare', () => {
  it('l’assistente sociale scrive nel diario; l’educatore, con la cartella aperta, lo vede comparire', async () => {
    await goTo(a, `#/cartelle/${caseId}/diario`);
    await goTo(b, `#/cartelle/${caseId}/diario`);
    await b.getByRole('button', { name: 'Nuova annotazione' }).waitFor();
    await a.getByRole('button', { name: 'Nuova annotazione' }).click();
    const d = a.getByRole('dialog');
    await d.getByLabel('Tipo').selectOption({ label: 'Telefonata' });
    await d.getByLabel('Testo').fill('Zqxvivo: il figlio conferma la visita di mercoledì.');
    await d.getByRole('button', { name: 'Salva annotazione' }).click();
    await d.waitFor({ state: 'detached' });
    await b.getByText('Zqxvivo: il figlio conferma la visita di mercoledì.').waitFor();
    await screenshot(b, 'live-01-diario-educatore');
  });

  it('l’assistente sociale sposta il colloquio; l’agenda dell’educatore si aggiorna da sola', async () => {
    await showDay(a);
    await showDay(b);
    const calendarB = b.getByRole('region', { name: 'Agenda 1' });
    await calendarB.getByText('Colloquio: Ranieri Ottavio').waitFor();
    await a.getByRole('region', { name: 'Agenda 1' }).getByText('Colloquio: Ranieri Ottavio').click();
    const d = a.getByRole('dialog');
    await d.getByRole('button', { name: 'Modifica', exact: true }).click();
    await typeTime(d.getByRole('group', { name: 'Dalle', exact: true }), '15:00');
    await typeTime(d.getByRole('group', { name: 'Alle', exact: true }), '16:00');
    await d.getByRole('button', { name: 'Salva', exact: true }).click();
    await d.waitFor({ state: 'detached' });
    // B's page was not touched: the event moves there because the core said the agenda changed.
    await calendarB.getByText(/^15:00.16:00$/).waitFor();
    await calendarB.getByText(/^10:00.11:00$/).waitFor({ state: 'detached' });
    await screenshot(b, 'live-02-agenda-educatore');
  });
});
