import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedCommand } from '../../electron/core/cli/seed-command';
import type { SeedManifest } from '../../electron/core/seed/manifest';
import { seedSal, type SalSeedInput } from '../../electron/core/seed/sal';
import { addMonths } from '../../shared/domain/dates';
import { FASI, phaseProblem, type Attivita, type Fase } from '../../shared/domain/sal/fasi';
import { DEFAULT_PARAMETERS } from '../../shared/domain/sal/parameters';
import { checkCompanyCode } from '../../shared/domain/sal/partita-iva';
import { checkPresenze } from '../../shared/domain/sal/presenze';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';
import { ADMIN, call, inspectDatabase, loginAs, setUpZone, tempDir, testCore } from '../support/core-harness';

const TODAY = '2027-03-17';

/** mod 97 of an IBAN moved and lettered, as ISO 13616 checks it (1 when valid). */
function ibanMod97(iban: string): number {
  const digits = `${iban.slice(4)}${iban.slice(0, 4)}`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return rest;
}

describe('seed --tirocini: the demo SAL register', () => {
  it('refers people with open cases, hosts them within every rule the register checks, and lists one tirocinio per state in the manifest', async () => {
    const { core: setupCore, dataDir } = await setUpZone();
    setupCore.close();
    const work = tempDir('udc-seed-sal-');
    const passwordFile = path.join(work, 'pw.txt');
    fs.writeFileSync(passwordFile, `${ADMIN.password}\n`);
    const manifestFile = path.join(work, 'manifest.json');
    const out: string[] = [];
    const args = ['--data-dir', dataDir, '--user', ADMIN.username, '--password-file', passwordFile, '--persons', '1500', '--seed', '11', '--diary-per-case', '0'];
    const code = await seedCommand([...args, '--tirocini', '30', '--manifest', manifestFile], {
      openCore: (o) => testCore(o.dataDir),
      today: () => TODAY,
      out: { write: (t: string) => out.push(t) },
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^Registro SAL: 30 tirocini: \d+ in corso, \d+ conclusi, \d+ cessati; \d+ beneficiari, \d+ aziende, [\d.]+ giorni di presenze\.$/m);

    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as SeedManifest;
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    for (const [table, n] of Object.entries(manifest.counts)) expect(count(table), table).toBe(n);
    expect(manifest.counts.sal_tirocini).toBe(30);
    expect(manifest.counts.sal_presenze).toBeGreaterThan(500);
    const sal = manifest.samples.sal!;
    expect(Object.keys(sal.tirocini).sort()).toEqual(
      [
        'cessato',
        'cessato_interruzione',
        'cessato_rinuncia',
        'concluso_assunzione',
        'concluso_conclusione',
        'concluso_interruzione',
        'concluso_nuovo_tirocinio',
        'concluso_rinuncia',
        'in_corso',
        'prorogato',
        'sospeso',
      ].sort(),
    );
    expect(sal.mesePagamenti).toBe('2027-02');

    // Companies: valid codes, each distinct; beneficiari: valid IBANs, from an open case of their own.
    const aziende = db.prepare('SELECT codice FROM sal_aziende').all() as { codice: string }[];
    for (const a of aziende) expect(checkCompanyCode(a.codice), a.codice).toMatchObject({ ok: true, kind: 'partita_iva' });
    expect(new Set(aziende.map((a) => a.codice)).size).toBe(aziende.length);
    const beneficiari = db.prepare(`SELECT b.id, b.iban, c.stato, c.person_id = b.person_id AS own FROM sal_beneficiari b JOIN cases c ON c.id = b.case_id`).all() as {
      id: string;
      iban: string;
      stato: string;
      own: number;
    }[];
    for (const b of beneficiari) {
      expect(b.iban).toMatch(/^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/);
      expect(ibanMod97(b.iban)).toBe(1);
      expect(['aperto', 'in_carico']).toContain(b.stato);
      expect(b.own).toBe(1);
    }
    // Each path goes forward, each phase after the activity it needs, none in the future.
    for (const b of beneficiari) {
      const fasi = db.prepare('SELECT fase, dal FROM sal_fasi WHERE beneficiario_id = ? ORDER BY dal, rowid').all(b.id) as { fase: Fase; dal: string }[];
      const attivita = db.prepare('SELECT tipo, data FROM sal_attivita WHERE beneficiario_id = ?').all(b.id) as { tipo: Attivita; data: string }[];
      expect(fasi[0]!.fase).toBe('preliminare');
      fasi.forEach((f, i) => {
        expect(f.dal <= TODAY).toBe(true);
        if (i > 0)
          expect(
            phaseProblem(
              fasi[i - 1]!.fase,
              f.fase,
              attivita.filter((a) => a.data <= f.dal).map((a) => a.tipo),
            ),
          ).toBeNull();
      });
      expect(FASI).toEqual(expect.arrayContaining(fasi.map((f) => f.fase)));
    }
    db.close();

    // The register's own rules, through its channels, as the mediatore would see them.
    // The program's clock on the seed's day, so the cruscotto's "today" is the seed's.
    const core = testCore(dataDir, () => Date.parse(`${TODAY}T10:00:00Z`));
    const { conn: sal_ } = await loginAs(core, manifest.samples.users.mediatore_sal!, ADMIN.password);
    const { tirocini } = await call(sal_, 'salTirocini.list', { stato: 'tutti' });
    expect(tirocini).toHaveLength(30);
    expect(new Set(tirocini.map((t) => t.stato))).toEqual(new Set(['in_corso', 'concluso', 'cessato']));
    for (const t of tirocini) {
      const d = await call(sal_, 'salTirocini.get', { id: t.id });
      const fields = {
        beneficiarioId: d.beneficiarioId,
        aziendaId: d.aziendaId,
        convenzioneId: d.convenzioneId,
        regime: d.regime,
        obiettivi: d.obiettivi,
        mansione: d.mansione,
        sedeSvolgimento: d.sedeSvolgimento,
        tutorPromotoreId: d.tutorPromotoreId,
        tutorAziendaleId: d.tutorAziendaleId,
        oreSettimanali: d.oreSettimanali,
        orario: d.orario,
        inizio: d.inizio,
        fine: d.fine,
        pagatoDa: d.pagatoDa,
        inail: d.inail,
        rc: d.rc,
        comunicazioneData: d.comunicazioneData,
        deroga: null,
      };
      // Duration, hours, sospensioni, convenzione in force, the host's limit: all as saved by hand.
      expect((await call(sal_, 'salTirocini.check', { id: t.id, fields })).breaches, `${t.stato} ${t.inizio}`).toEqual([]);
      if (d.stato === 'concluso') expect(d.esito).not.toBe('');
      if (d.stato === 'cessato') expect(d.cessazioneMotivo).not.toBe('');
      if (d.esito === 'assunzione') expect(d.esitoContratto).not.toBe('');
      const params = DEFAULT_PARAMETERS.find((p) => p.regime === d.regime)!;
      const plan = { inizio: d.inizio, fine: d.fine, oreSettimanali: d.oreSettimanali, orario: d.orario, sospensioni: d.sospensioni };
      for (let month = d.inizio.slice(0, 7); month <= TODAY.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) {
        const m = await call(sal_, 'salPresenze.month', { tirocinioId: t.id, month });
        expect(checkPresenze(m.grid, m.presenze, plan, params), `${t.id} ${month}`).toEqual([]);
        const outside = new Set(m.grid.filter((g) => g.kind === 'fuori' || g.kind === 'sospeso').map((g) => g.date));
        expect(m.presenze.filter((p) => outside.has(p.date) || p.date >= TODAY)).toEqual([]);
      }
    }
    const states = (await call(sal_, 'salTirocini.get', { id: sal.tirocini.sospeso! })).sospensioni;
    expect(states.some((s) => s.dal <= TODAY && TODAY <= s.al)).toBe(true);
    expect((await call(sal_, 'salTirocini.get', { id: sal.tirocini.prorogato! })).proroghe).toHaveLength(1);
    const payments = await call(sal_, 'salPagamenti.month', { month: sal.mesePagamenti });
    expect(payments.rows.length).toBeGreaterThan(5);
    expect(payments.totaleCents).toBeGreaterThan(0);
    const dashboard = await call(sal_, 'salTirocini.cruscotto', {});
    expect(dashboard.convenzioniInScadenza.length).toBeGreaterThan(0);
    expect(dashboard.presenzeDaInserire.length).toBeGreaterThan(0);
    expect((await call(sal_, 'salBeneficiari.get', { id: sal.beneficiarioInAttesa! })).tirocini).toEqual([]);
    expect((await call(sal_, 'salAziende.get', { id: sal.aziendaId! })).tutor.length).toBeGreaterThan(0);
    core.close();
  });

  it('is the same register for the same seed and people', () => {
    const candidates = Array.from({ length: 40 }, (_, i) => ({
      personId: `p${i}`,
      caseId: `c${i}`,
      comuneIstat: ZONA_SOCIALE_11.comuni[i % 12]!.istat,
      sedeNome: 'Narni',
      invalido: i % 5 === 0,
      foreign: i % 7 === 0,
    }));
    const input: SalSeedInput = {
      seed: 5,
      today: TODAY,
      tirocini: 30,
      candidates,
      comuni: ZONA_SOCIALE_11.comuni,
      parametri: DEFAULT_PARAMETERS.map((p) => ({ ...p, id: p.regime })),
      patrons: [],
      mediatori: ['m'],
      invianti: ['Chiara Sensini'],
      createdBy: 'admin',
      createdAt: `${TODAY}T09:00:00.000Z`,
    };
    const shape = () => {
      const { batch } = seedSal(input);
      return {
        aziende: batch.sal_aziende.map((a) => [a.values.codice, a.values.ragione_sociale, a.values.dipendenti_ti]),
        tirocini: batch.sal_tirocini.map((t) => [t.values.inizio, t.values.fine, t.values.stato, t.values.esito, t.values.orario]),
        presenze: batch.sal_presenze.map((p) => `${p.values.data} ${p.values.ore} ${p.values.assenza}`),
        ibans: batch.sal_beneficiari.map((b) => b.values.iban),
      };
    };
    const a = shape();
    expect(shape()).toEqual(a);
    expect(a.tirocini).toHaveLength(30);
    expect(seedSal({ ...input, seed: 6 }).batch.sal_beneficiari.map((b) => b.values.iban)).not.toEqual(a.ibans);
  });
});
