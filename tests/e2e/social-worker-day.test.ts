import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { computeCf } from '../../shared/domain/codice-fiscale';
import { addDays, todayInRome } from '../../shared/domain/dates';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { checkScreen, goTo } from './support/screens';
import { login as signIn, logout as signOut } from './support/session';
import { typeDate } from './support/pickers';

const TODAY = todayInRome();
const STAFF = {
  as: { username: 'as.amelia', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const },
  edu: { username: 'edu.amelia', fullName: 'Elisa Moscatelli', profile: 'educatore' as const },
  psi: { username: 'psi.narni', fullName: 'Paolo Cruciani', profile: 'psicologo' as const },
  coord: { username: 'coord', fullName: 'Rita Fratini', profile: 'coordinatore' as const },
};
const GIULIA = { cognome: 'Brunetti', nome: 'Giulia', birthDate: '1986-05-12', sex: 'F' as const, belfiore: 'E045' };

let office: Office<undefined>;
let page: Page;
let caseHash = '';
let numero = '';
const a11y: Record<string, string[]> = {};

async function check(name: string): Promise<void> {
  await checkScreen(page, `cartella-${name}`, name, a11y);
}

async function go(hash: string): Promise<void> {
  await goTo(page, hash);
}

const login = (username: string) => signIn(page, username, PASSWORD);
const logout = () => signOut(page);

beforeAll(async () => {
  // The zone and the équipe are prepared through the core; the day itself happens in the UI.
  office = await officeInChromium({ name: 'cartella', staff: Object.values(STAFF), timeout: 15_000 });
  page = office.page;
});

afterAll(async () => {
  await office?.close();
});

describe('la giornata di un’assistente sociale, in Chromium', () => {
  it('registra una persona arrivata da Giove, con il codice fiscale controllato', async () => {
    await login(STAFF.as.username);
    await go('#/persone/nuova');
    await page.getByLabel('Cognome').fill(GIULIA.cognome);
    await page.getByLabel('Nome', { exact: true }).fill(GIULIA.nome);
    await page.getByLabel('Codice fiscale').fill('BRNGLI86E52E045X');
    await page
      .getByText(/carattere di controllo|non corrisponde|non valido/i)
      .first()
      .waitFor();
    await check('01-codice-fiscale-errato');
    await page.getByLabel('Codice fiscale').fill(computeCf(GIULIA));
    await page.getByText('Dal codice fiscale').waitFor();
    await page.getByLabel('Comune di residenza').fill('Giov');
    await page.getByRole('option', { name: /Giove/ }).first().click();
    await page.getByLabel('Indirizzo di residenza').fill('Via Roma 12');
    await check('02-nuova-persona');
    await page.getByRole('button', { name: 'Salva' }).click();
    await page.getByRole('heading', { name: 'Brunetti Giulia' }).waitFor();
  });

  it("registra l'accesso allo sportello e lo trasforma in una cartella ad Amelia", async () => {
    await page.getByRole('button', { name: 'Registra accesso' }).click();
    await page.getByLabel('Inviato da').fill('Scuola primaria di Giove');
    await page.getByLabel('Motivo').fill('Difficoltà economiche dopo la perdita del lavoro; due figli minori.');
    await page.getByLabel('Esito').selectOption({ label: 'Proposta di presa in carico' });
    await page.getByRole('dialog').getByRole('button', { name: 'Registra accesso' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Apri cartella' }).click();
    await page.getByLabel('Sede').selectOption({ label: 'Amelia (A)' });
    await page.getByLabel('Area di utenza').selectOption({ label: 'Famiglia e minori' });
    await page.getByLabel('Difficoltà economiche').check();
    await page.getByRole('dialog').getByRole('button', { name: 'Apri cartella' }).click();
    await page.getByText('Cartella sociale', { exact: true }).waitFor();
    numero =
      (await page
        .getByText(/^\d{4}\/A-\d{4}$/)
        .first()
        .textContent()) ?? '';
    expect(numero).toMatch(new RegExp(`^${TODAY.slice(0, 4)}/A-\\d{4}$`));
    caseHash = new URL(page.url()).hash;
    await check('03-cartella-aperta');
  });

  it('compone il nucleo di tre persone e registra un ISEE in scadenza', async () => {
    await page.getByRole('link', { name: 'Brunetti Giulia' }).first().click();
    await page.getByRole('heading', { name: 'Brunetti Giulia' }).waitFor();
    for (const child of [
      { nome: 'Marco', birthDate: '2014-03-03', sex: 'M' as const },
      { nome: 'Sofia', birthDate: '2017-09-21', sex: 'F' as const },
    ]) {
      await page.getByRole('button', { name: 'Aggiungi componente' }).click();
      const d = page.getByRole('dialog');
      await d.getByRole('button', { name: 'Nuova persona' }).click();
      await d.getByLabel('Cognome').fill(GIULIA.cognome);
      await d.getByLabel('Nome', { exact: true }).fill(child.nome);
      await d.getByLabel('Codice fiscale').fill(computeCf({ cognome: GIULIA.cognome, nome: child.nome, birthDate: child.birthDate, sex: child.sex, belfiore: 'E045' }));
      await typeDate(d.getByRole('group', { name: 'Data di nascita' }), child.birthDate);
      await d.getByLabel('Sesso').selectOption(child.sex);
      await d.getByLabel('Parentela').selectOption({ label: 'Figlio/a' });
      await d.getByRole('button', { name: 'Aggiungi componente' }).click();
      await d.waitFor({ state: 'detached' });
    }
    await page.getByRole('button', { name: /Togli Brunetti Sofia dal nucleo/ }).waitFor();
    await page.getByRole('button', { name: 'Nuovo ISEE' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Valore ISEE').fill('7.850,00');
    await typeDate(d.getByRole('group', { name: 'Scadenza' }), addDays(TODAY, 20));
    await d.getByRole('button', { name: 'Salva ISEE' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByText('In scadenza').first().waitFor();
    await check('04-persona-nucleo-isee');
  });

  it('scrive il colloquio nel diario, redige un PAI con tre obiettivi e assegna educatrice e psicologo', async () => {
    await go(`${caseHash}/diario`);
    await page.getByRole('button', { name: 'Nuova annotazione' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Tipo').selectOption({ label: 'Colloquio' });
    await d.getByLabel('Luogo').fill('Sede di Amelia');
    await d.getByLabel('Testo').fill('Primo colloquio: la signora riferisce la perdita del lavoro e due mensilità d’affitto arretrate.');
    await d.getByRole('button', { name: 'Salva annotazione' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByText('due mensilità d’affitto arretrate').waitFor();
    await go(`${caseHash}/pai`);
    await page.getByRole('button', { name: 'Nuovo PAI' }).click();
    const objectives = [
      ['Presentare la DSU e ottenere l’ISEE aggiornato', 'Breve termine'],
      ['Contributo per l’affitto arretrato', 'Medio termine'],
      ['Inserimento lavorativo tramite il SAL', 'Lungo termine'],
    ] as const;
    for (let i = 0; i < objectives.length; i++) {
      if (i > 0) await d.getByRole('button', { name: 'Aggiungi obiettivo' }).click();
      await d.getByLabel('Obiettivo', { exact: true }).nth(i).fill(objectives[i]![0]);
      await d.getByLabel('Termine', { exact: true }).nth(i).selectOption({ label: objectives[i]![1] });
    }
    await d.getByRole('button', { name: 'Salva PAI' }).click();
    await d.waitFor({ state: 'detached' });
    for (const [text] of objectives) await page.getByText(text).waitFor();
    await check('05-pai');
    await go(caseHash);
    for (const member of [STAFF.edu, STAFF.psi]) {
      await page.getByRole('button', { name: 'Assegna operatore' }).click();
      await d.getByLabel('Operatore').selectOption({ label: `${member.fullName} — ${member.profile === 'educatore' ? 'Educatore professionale' : 'Psicologo'}` });
      await d.getByRole('button', { name: 'Assegna' }).click();
      await d.waitFor({ state: 'detached' });
    }
    // The psicologo's account is new: his access to riservato notes waits for an administrator.
    await page.getByText(/In attesa della conferma di un secondo amministratore/).waitFor();
    await check('06-riepilogo-operatori');
    await logout();
  });

  it('il coordinatore conferma l’assegnazione dello psicologo dalla Home', async () => {
    await login(STAFF.coord.username);
    const review = page.getByRole('region', { name: 'Azioni amministrative da rivedere' });
    const row = review.getByRole('row').filter({ hasText: STAFF.psi.fullName }).filter({ hasText: 'Da confermare' });
    await row.getByRole('button', { name: 'Conferma' }).click();
    await review.getByRole('row').filter({ hasText: STAFF.psi.fullName }).filter({ hasText: 'Da confermare' }).waitFor({ state: 'detached' });
    await check('06b-home-coordinatore-conferma');
    await logout();
  });

  it('lo psicologo scrive una nota riservata', async () => {
    await page.getByLabel('Nome utente').fill(STAFF.psi.username);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Accedi' }).click();
    // At login he is told that he was assigned to the case, before anything else.
    const notices = page.getByRole('dialog', { name: 'Modifiche al tuo account' });
    await notices.getByText(numero, { exact: false }).waitFor();
    await notices.getByRole('button', { name: 'Ho preso visione' }).click();
    await notices.waitFor({ state: 'detached' });
    await page.getByRole('navigation').waitFor();
    await go(`${caseHash}/diario`);
    await page.getByRole('button', { name: 'Nuova annotazione' }).click();
    const d = page.getByRole('dialog');
    await d.getByLabel('Tipo').selectOption({ label: 'Colloquio' });
    await d.getByLabel('Testo').fill('Zqxriservata: la signora riferisce episodi di violenza da parte dell’ex compagno.');
    await d.getByLabel('Nota riservata').check();
    await d.getByRole('button', { name: 'Salva annotazione' }).click();
    await d.waitFor({ state: 'detached' });
    await page.getByText('Zqxriservata').waitFor();
    await logout();
  });

  it("l'educatrice vede che la nota esiste ma non il contenuto; il tentativo di aprirla è rifiutato", async () => {
    await login(STAFF.edu.username);
    await go(`${caseHash}/diario`);
    await page.getByRole('heading', { name: 'Nota riservata' }).waitFor();
    expect(await page.getByText('Zqxriservata').count()).toBe(0);
    await page.getByRole('button', { name: /Apri la nota riservata/ }).click();
    await page.getByText(/possono leggerla solo gli psicologi/).waitFor();
    expect(await page.getByText('Zqxriservata').count()).toBe(0);
    await check('07-educatrice-nota-riservata');
    await logout();
  });

  it('il coordinatore trova il tentativo nel registro degli accessi', async () => {
    await login(STAFF.coord.username);
    await page.getByRole('navigation').getByRole('link', { name: 'Registro accessi' }).click();
    await page
      .getByText(/Catena integra/)
      .first()
      .waitFor();
    const attempt = page.getByRole('row').filter({ hasText: STAFF.edu.username }).filter({ hasText: 'negato' }).filter({ hasText: numero });
    await attempt.first().waitFor();
    await check('08-registro-tentativo');
    await page.getByRole('tab', { name: 'Chi ha consultato' }).click();
    await page.getByLabel('Cerca la persona').fill(computeCf(GIULIA));
    await page.getByRole('listbox').getByRole('option').first().waitFor();
    await page.getByLabel('Cerca la persona').press('Enter');
    await page.getByRole('row').filter({ hasText: STAFF.psi.username }).first().waitFor();
    await check('09-chi-ha-consultato');
  });

  it('no screen of the day has serious or critical accessibility violations', () => {
    expect(Object.keys(a11y).length).toBe(10);
    expect(Object.fromEntries(Object.entries(a11y).filter(([, v]) => v.length > 0))).toEqual({});
  });

  it('the riservato note and the names typed are in no file of the data folder in clear', () => {
    // grep exits 1 when nothing matches: that is the expected outcome.
    let found = '';
    try {
      found = execFileSync('grep', ['-rl', '-e', 'Zqxriservata', '-e', 'Brunetti', office.dataDir], { encoding: 'utf8' });
    } catch (error) {
      if ((error as { status?: number }).status !== 1) throw error;
    }
    expect(found).toBe('');
    expect(fs.readdirSync(office.dataDir)).toContain('archivio.db');
  });
});
