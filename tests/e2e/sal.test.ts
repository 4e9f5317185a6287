import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { todayInRome } from '../../shared/domain/dates';
import { call } from '../support/core-harness';
import { personWithCf, sedeId } from '../support/cartella-fixtures';
import { signedPdf } from '../support/sal-fixtures';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { typeDate } from './support/pickers';
import { checkScreen, goTo } from './support/screens';
import { login as signIn, logout as signOut } from './support/session';

const STAFF = {
  as: { username: 'as.amelia', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const },
  sal: { username: 'sal.narni', fullName: 'Marco Ricci', profile: 'mediatore_sal' as const },
  edu: { username: 'edu.amelia', fullName: 'Elisa Moscatelli', profile: 'educatore' as const },
  am: { username: 'amm.narni', fullName: 'Sara Pace', profile: 'amministrativo' as const },
};

let office: Office<string>;
let page: Page;
let caseId = '';
let tirocinioHash = '';
const a11y: Record<string, string[]> = {};

const check = (name: string) => checkScreen(page, `sal-${name}`, name, a11y);

const login = (username: string) => signIn(page, username, PASSWORD);
const logout = () => signOut(page);

beforeAll(async () => {
  // The zone, the équipe and Lucia's case are prepared through the core; the SAL work happens in the UI.
  office = await officeInChromium({
    name: 'sal',
    staff: Object.values(STAFF),
    timeout: 15_000,
    prepare: async ({ as: connectAs }) => {
      const as = await connectAs(STAFF.as.username);
      const p = await call(as, 'persons.create', personWithCf({ cognome: 'Fabbri', nome: 'Lucia', sesso: 'F', dataNascita: '1990-03-29', invalidita: '67%' }));
      return (await call(as, 'cases.open', { personId: p.person.id, sedeId: await sedeId(as, 'Amelia'), area: 'disabilita', problematiche: [], apertaIl: todayInRome() })).caseId;
    },
  });
  ({ page, data: caseId } = office);
});

afterAll(async () => {
  await office?.close();
});

describe('il registro SAL, come lo usa un mediatore del lavoro, in Chromium', () => {
  it('iscrive al SAL dalla cartella una persona con L. 68/99, senza riscriverne i dati', async () => {
    await login(STAFF.sal.username);
    await goTo(page, `#/cartelle/${caseId}`);
    await page.getByRole('link', { name: 'Iscrivi al SAL' }).click();
    await page.getByRole('heading', { name: 'Iscrizione al registro SAL' }).waitFor();
    await page.getByLabel('Servizio inviante').fill('Servizio sociale professionale, sede di Amelia');
    await page.getByLabel('Collocamento mirato (L. 68/99)').check();
    await page.getByLabel('Percentuale di invalidità (L. 68/99)').fill('67');
    await page.getByLabel('Distanza massima (km)').fill('15');
    await page.getByLabel('IBAN per l’indennità').fill('IT60 X054 2811 1010 0000 0123 456');
    await check('01-iscrizione');
    await page.getByRole('button', { name: 'Iscrivi al SAL' }).click();
    await page.getByRole('heading', { name: 'Fabbri Lucia' }).waitFor();
    await page.getByText('L. 68/99 (67%)').waitFor();
  });

  it('registra un’azienda di Amelia con una partita IVA controllata, un tutor e la convenzione', async () => {
    await goTo(page, '#/sal/aziende');
    await page.getByRole('button', { name: 'Nuova azienda' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Ragione sociale').fill('Cooperativa Il Ponte');
    await d.getByLabel('Partita IVA o codice fiscale').fill('12345678901');
    await d.getByLabel('Comune della sede operativa').selectOption({ label: 'Amelia' });
    await d.getByLabel('Codice ATECO').fill('81.21');
    await d.getByLabel('Settore (descrizione ATECO)').fill('Pulizia generale di edifici');
    await d.getByLabel('Dipendenti a tempo indeterminato').fill('4');
    await d.getByRole('button', { name: 'Salva' }).click();
    await d.getByText("La partita IVA non è valida: l'ultima cifra (di controllo) non corrisponde.", { exact: false }).first().waitFor();
    await check('02-partita-iva-errata');
    await d.getByLabel('Partita IVA o codice fiscale').fill('12345678903');
    await d.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { name: 'Cooperativa Il Ponte' }).waitFor();
    await page.getByRole('button', { name: 'Aggiungi tutor' }).click();
    await page.getByRole('dialog').getByLabel('Nome e cognome').fill('Marta Rossi');
    await page.getByRole('dialog').getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('cell', { name: 'Marta Rossi' }).waitFor();
    await page.getByRole('button', { name: 'Registra convenzione' }).click();
    const c = page.getByRole('dialog');
    await c.getByLabel('Numero').fill('12/2026');
    await typeDate(c.getByRole('group', { name: 'Data della convenzione' }), '2026-11-02');
    await typeDate(c.getByRole('group', { name: 'Scadenza' }), '2028-11-01');
    // The signed PDF goes in with it, and comes back out of the Azienda page byte for byte.
    const pdf = signedPdf('Convenzione di tirocinio n. 12/2026 - firmata');
    await c.locator('input[type=file]').setInputFiles({ name: 'scansione.pdf', mimeType: 'application/pdf', buffer: pdf });
    await c.getByRole('button', { name: 'Registra' }).click();
    await page.getByRole('cell', { name: '12/2026', exact: true }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Scarica il PDF firmato della convenzione n. 12/2026' }).click()]);
    expect(download.suggestedFilename()).toBe('convenzione-12-2026.pdf');
    expect(fs.readFileSync(await download.path()).equals(pdf)).toBe(true);
    await check('03-azienda');
  });

  it('trova l’azienda per settore e distanza; un tirocinio di 7 mesi è rifiutato come ordinario e accettato per persone con disabilità', async () => {
    await goTo(page, '#/sal/beneficiari');
    await page.getByRole('link', { name: 'Fabbri Lucia' }).click();
    await page.getByRole('heading', { name: 'Fabbri Lucia' }).waitFor();
    const matching = page.getByRole('region', { name: 'Aziende adatte' });
    await matching.getByLabel('Settore ATECO').fill('81');
    await matching.getByLabel('Comune').selectOption({ label: 'Amelia' });
    const row = matching.getByRole('row', { name: /Cooperativa Il Ponte/ });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/\d,\d km/);
    await check('04-abbinamento');
    await row.getByRole('button', { name: 'Proponi tirocinio' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Convenzione').locator('option', { hasText: '12/2026' }).waitFor({ state: 'attached' });
    await d.getByLabel('Mansione').fill('Addetta alle pulizie');
    await typeDate(d.getByRole('group', { name: 'Inizio' }), '2027-02-01');
    await typeDate(d.getByRole('group', { name: 'Fine prevista' }), '2027-08-31');
    await d.getByText('Durata massima 6 mesi per questo regime, proroghe comprese: questo tirocinio dura 7 mesi (fine al più tardi il 31/07/2027).').first().waitFor();
    await check('05-sette-mesi-rifiutati');
    await d.getByRole('button', { name: 'Salva il tirocinio' }).click();
    await d.getByRole('alert').filter({ hasText: 'Durata massima 6 mesi' }).first().waitFor();
    await d.getByLabel('Regime').selectOption({ label: 'Tirocinio per persone con disabilità (L.68/99) o svantaggiate' });
    await d.getByText(/Rispetta le regole del regime: durata 7 mesi/).waitFor();
    await d.getByRole('button', { name: 'Salva il tirocinio' }).click();
    await page.getByRole('heading', { name: 'Tirocinio presso Cooperativa Il Ponte' }).waitFor();
    tirocinioHash = new URL(page.url()).hash;
  });

  it('inserisce un mese di presenze da tastiera e legge l’indennità spiegata', async () => {
    await goTo(page, `${tirocinioHash}/2027-02`);
    await page.getByRole('heading', { name: 'Presenze di febbraio 2027' }).waitFor();
    await page.getByLabel('Ore svolte 01/02/2027').click();
    // Fifteen working days of 4 hours and one of 2, typed and moved with Enter (which skips the weekends), as at a desk.
    for (let i = 0; i < 16; i++) {
      await page.keyboard.type(i < 15 ? '4' : '2');
      await page.keyboard.press('Enter');
    }
    await page.getByLabel('Ore svolte 01/02/2027').fill('9');
    await page.getByRole('button', { name: 'Salva le presenze' }).click();
    await page.getByText('01/02/2027: al massimo 8 ore al giorno (qui 9).').first().waitFor();
    await page.getByLabel('Ore svolte 01/02/2027').fill('4');
    await page.getByRole('button', { name: 'Salva le presenze' }).click();
    await page.getByText(/Presenze salvate: ore previste 80, svolte 62 = 77,5% ≥ 70%: indennità piena 450,00\s€/).waitFor();
    await page.getByText(/Indennità del mese: ore previste 80, svolte 62 = 77,5% ≥ 70%: indennità piena 450,00\s€/).waitFor();
    await check('06-presenze');
  });

  it('esporta l’elenco dei pagamenti del mese in CSV e registra l’assunzione', async () => {
    await goTo(page, '#/sal/pagamenti');
    await page.getByLabel('Mese').selectOption({ label: 'febbraio 2027' });
    await page.getByRole('cell', { name: 'Fabbri Lucia' }).waitFor();
    await check('07-pagamenti');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('pagamenti-sal-2027-02.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    expect(csv).toContain('Fabbri Lucia;');
    expect(csv).toContain('IT60X0542811101000000123456');
    expect(csv).toContain(';450,00;');
    await goTo(page, tirocinioHash);
    await page.getByRole('button', { name: 'Registra l’esito' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Esito', { exact: true }).selectOption({ label: 'Assunzione' });
    await typeDate(d.getByRole('group', { name: 'Data dell’esito' }), '2027-09-01');
    await d.getByLabel('Tipo di contratto').fill('Tempo determinato 12 mesi, part-time');
    await d.getByRole('button', { name: 'Registra' }).click();
    await page.getByText(/Esito del 01\/09\/2027: Assunzione/).waitFor();
    await check('08-assunzione');
    await logout();
  });

  it('l’educatore e l’istruttore amministrativo non vedono il SAL: il rifiuto è registrato', async () => {
    for (const who of [STAFF.edu, STAFF.am]) {
      await login(who.username);
      expect(await page.getByRole('navigation').getByRole('link', { name: 'SAL' }).count()).toBe(0);
      await goTo(page, '#/sal');
      await page
        .getByText(/non consente di consultare il registro SAL/)
        .first()
        .waitFor();
      await check(`09-rifiuto-${who.profile}`);
      await logout();
    }
  });

  it('Impostazioni → SAL mostra le regole di ogni regime con la data e la fonte', async () => {
    await login(STAFF.as.username);
    await goTo(page, '#/impostazioni/sal');
    const ordinario = page.getByRole('table', { name: 'Parametri: Tirocinio extracurricolare ordinario' });
    await ordinario.getByRole('cell', { name: '01/03/2019' }).waitFor();
    expect(await ordinario.getByRole('cell', { name: /da 2 a 6 mesi/ }).count()).toBe(1);
    await page.getByRole('cell', { name: /da 2 a 24 mesi, rinnovabile con attestazione/ }).waitFor();
    await check('10-parametri');
    await logout();
  });

  it('nessuna violazione di accessibilità grave nelle schermate', () => {
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
