import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from '../support/core-harness';
import { cfFor, person, personWithCf, sedeId } from '../support/cartella-fixtures';
import { STAFF_PASSWORD as PASSWORD, officeInChromium, type Office } from './support/office';
import { checkScreen, goTo } from './support/screens';
import { login } from './support/session';

const STAFF = {
  as: { username: 'as.narni', fullName: 'Chiara Sensini', profile: 'assistente_sociale' as const },
  am: { username: 'amm.narni', fullName: 'Sara Pace', profile: 'amministrativo' as const },
};
const Q = '2026-T3';
const senzaCf = person({ cognome: 'Conti', nome: 'Paolo', codiceFiscale: '' });

let office: Office<{ personB: string; caseB: { id: string; numero: string }; caseA: string }>;
let page: Page;
let personB = '';
let caseB = { id: '', numero: '' };
let caseA = '';
const a11y: Record<string, string[]> = {};
const check = (name: string) => checkScreen(page, `siuss-${name}`, name, a11y);

beforeAll(async () => {
  // Two case files with erogazioni in the quarter, prepared through the core; one person lacks the codice fiscale.
  office = await officeInChromium({
    name: 'siuss',
    staff: Object.values(STAFF),
    timeout: 15_000,
    prepare: async ({ as: connectAs }) => {
      const as = await connectAs(STAFF.as.username);
      const sede = await sedeId(as, 'Narni');
      const a = await call(as, 'persons.create', personWithCf({ cognome: 'Ferri', nome: 'Giulia', sesso: 'F', dataNascita: '1975-03-04' }));
      const b = await call(as, 'persons.create', senzaCf);
      const ca = await call(as, 'cases.open', { personId: a.person.id, sedeId: sede, area: 'poverta', problematiche: [], apertaIl: '2026-06-15' });
      const cb = await call(as, 'cases.open', { personId: b.person.id, sedeId: sede, area: 'anziani', problematiche: [], apertaIl: '2026-06-15' });
      for (const [caseId, descrizione] of [
        [ca.caseId, 'Contributo per il canone'],
        [cb.caseId, 'Assistenza domiciliare'],
      ] as const) {
        const money = { importoCents: 30000, quotaEnteCents: 25000, quotaUtenteCents: 5000 };
        const iv = (
          await call(as, 'interventions.save', {
            caseId,
            prestazioneCodice: 'A1.05.01',
            descrizione,
            dataInizio: '2026-07-01',
            dataFine: null,
            ...money,
            oreMensili: null,
            stato: 'attivo',
          })
        ).interventions[0]!;
        await call(as, 'interventions.addDelivery', { interventionId: iv.id, data: '2026-08-31', ...money, ore: null, note: '' });
      }
      return { personB: b.person.id, caseB: { id: cb.caseId, numero: cb.numero }, caseA: ca.numero };
    },
  });
  page = office.page;
  ({ personB, caseB, caseA } = office.data);
});

afterAll(async () => {
  await office?.close();
});

describe('flusso SIUSS nel browser', () => {
  it('the desk opens it from Report; Verifica lists the erogazione without codice fiscale, linked to its case file, and Esporta stays off', async () => {
    await login(page, STAFF.am.username, PASSWORD);
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /Report/ })
      .click();
    await page.getByRole('link', { name: 'Flusso SIUSS (verifica ed esportazione)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Flusso SIUSS' }).waitFor();
    await page.getByLabel('Trimestre').selectOption(Q);
    await page.getByRole('button', { name: 'Verifica' }).click();
    const errors = page.getByRole('list', { name: 'Erogazioni da correggere' }).getByTestId('siuss-errore');
    await errors.first().waitFor();
    expect(await errors.count()).toBe(1);
    const link = errors.first().getByRole('link');
    expect(await link.textContent()).toBe(`Cartella ${caseB.numero}, intervento «Assistenza domiciliare» (A1.05.01), erogazione del 31/08/2026`);
    expect(await link.getAttribute('href')).toBe(`#/cartelle/${caseB.id}/interventi`);
    expect(await errors.first().textContent()).toContain('manca il codice fiscale della persona');
    expect(await page.getByTestId('siuss-riepilogo').textContent()).toContain('da inviare 1 inserimento (I) e 0 cancellazioni (C)');
    expect(await page.getByRole('button', { name: 'Esporta CSV' }).isDisabled()).toBe(true);
    await check('errori');
  });

  it('after the fix the list empties, Esporta writes the file, and the batch appears in the history', async () => {
    await goTo(page, `#/persone/${personB}/modifica`);
    await page.getByLabel('Codice fiscale').fill(cfFor(senzaCf));
    await page.getByRole('button', { name: 'Salva', exact: true }).click();
    await page.waitForURL((u) => u.hash === `#/persone/${personB}`);
    await goTo(page, '#/report/siuss');
    await page.getByLabel('Trimestre').selectOption(Q);
    await page.getByRole('button', { name: 'Verifica' }).click();
    await page.getByText('da inviare 2 inserimenti (I) e 0 cancellazioni (C)', { exact: false }).waitFor();
    expect(await page.getByRole('list', { name: 'Erogazioni da correggere' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Esporta CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('siuss-2026-T3-invio-1.csv');
    const lines = fs
      .readFileSync(await download.path(), 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]!.split(';').slice(0, 3)).toEqual(['TipoOperazione', 'IdErogazione', 'CodiceFiscaleBeneficiario']);
    const rows = lines.slice(1).map((l) => l.split(';'));
    const numero = lines[0]!.split(';').indexOf('NumeroCartella');
    expect(rows.map((r) => [r[0], r[numero]])).toEqual([
      ['I', caseA],
      ['I', caseB.numero],
    ]);
    expect(rows[1]![2]).toBe(cfFor(senzaCf));
    await page.getByText('Salvato il file siuss-2026-T3-invio-1.csv: 2 inserimenti, 0 cancellazioni.').waitFor();
    const history = page.getByRole('table', { name: 'Invii SIUSS eseguiti' });
    await history.getByRole('cell', { name: 'siuss-2026-T3-invio-1.csv' }).waitFor();
    expect(await history.getByRole('cell', { name: 'Sara Pace' }).count()).toBe(1);
    // Sent: the check, read again on the change, has nothing left to send.
    await page.getByText('Tutto è già stato inviato.', { exact: false }).waitFor();
    await check('esportato');
    expect(a11y).toEqual(Object.fromEntries(Object.keys(a11y).map((k) => [k, []])));
  });
});
