import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { ZONA_SOCIALE_11 } from '../../../shared/domain/zone-seed';
import { closeDatabase, openDatabase } from '../db/open';
import { uuidv7 } from '../ids';
import { paymentList } from '../services/sal/pagamenti.service';
import { PresenzeService } from '../services/sal/presenze.service';
import { ensureParametri, parametriVersions } from '../services/sal/sal-plan';
import type { WorkContext } from '../services/work-context';
import { Store } from '../store';
import { median, percentile, round, type Metric } from './metrics';

const MONTH = '2027-03';
const ORARIO = { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 };

/**
 * The SAL's monthly work on the encrypted store: the payment list of `tirocini` active tirocini
 * with a month of presenze each, and saving one month's grid through the service (rules checked,
 * one transaction, one audit row).
 */
export function salBench(options: { tirocini: number; rounds: number; log: (line: string) => void }): Metric[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-bench-sal-'));
  const db = openDatabase(path.join(dir, 'sal.db'), randomBytes(32), { create: true });
  try {
    const t0 = performance.now();
    const now = new Date('2027-04-02T09:00:00Z').toISOString();
    const sede = uuidv7();
    const userId = uuidv7();
    db.transaction(() => {
      db.prepare(`INSERT INTO zone (id, nome, ente, lh_intestazione) VALUES (?, 'Zona Sociale 11', 'Comune di Narni', 'Zona Sociale 11')`).run(uuidv7());
      for (const c of ZONA_SOCIALE_11.comuni) db.prepare('INSERT INTO comuni VALUES (?, ?, ?, ?, ?)').run(uuidv7(), c.istat, c.catastale, c.nome, c.provincia);
      db.prepare(`INSERT INTO sedi VALUES (?, 'Narni', 'N', '055022', 'Via Roma 1', '')`).run(sede);
      db.prepare(`INSERT INTO users (id, username, full_name, profile, created_at) VALUES (?, 'sal', 'Mediatore', 'mediatore_sal', ?)`).run(userId, now);
    })();
    const store = Store.over(db);
    const ctx: WorkContext = {
      store,
      actor: { userId, username: 'sal', profile: 'mediatore_sal', workstation: 'bench' },
      userId,
      profile: 'mediatore_sal',
      now: () => Date.parse(now),
    };
    ensureParametri(ctx);
    const parametri = parametriVersions(ctx).find((v) => v.regime === 'ordinario')!.id;
    const aziende = Array.from({ length: 50 }, () => ({ id: uuidv7(), convenzione: uuidv7() }));
    const tirocini: string[] = [];
    db.transaction(() => {
      for (const [i, a] of aziende.entries()) {
        db.prepare(`INSERT INTO sal_aziende (id, ragione_sociale, codice, comune_istat, dipendenti_ti, created_at) VALUES (?, ?, ?, '055004', 500, ?)`).run(
          a.id,
          `Azienda ${i}`,
          String(i).padStart(11, '0'),
          now,
        );
        db.prepare(`INSERT INTO sal_convenzioni (id, azienda_id, numero, data, scadenza, created_at) VALUES (?, ?, ?, '2026-01-01', '2029-12-31', ?)`).run(
          a.convenzione,
          a.id,
          `${i}/2026`,
          now,
        );
      }
      const presenza = db.prepare(`INSERT INTO sal_presenze (id, tirocinio_id, data, ore, assenza) VALUES (?, ?, ?, ?, '')`);
      for (let i = 0; i < options.tirocini; i++) {
        const person = uuidv7();
        const caseId = uuidv7();
        const beneficiario = uuidv7();
        const tirocinio = uuidv7();
        const a = aziende[i % aziende.length]!;
        db.prepare(`INSERT INTO persons (id, cognome, nome, codice_fiscale, created_at) VALUES (?, ?, ?, '', ?)`).run(person, `Cognome${i}`, `Nome${i}`, now);
        db.prepare(
          `INSERT INTO cases (id, numero, anno, sede_id, progressivo, person_id, area, stato, aperta_il, created_at) VALUES (?, ?, 2026, ?, ?, ?, 'poverta', 'in_carico', '2026-01-10', ?)`,
        ).run(caseId, `2026/N-${String(i + 1).padStart(4, '0')}`, sede, i + 1, person, now);
        db.prepare(`INSERT INTO sal_beneficiari (id, person_id, case_id, iban, created_at) VALUES (?, ?, ?, 'IT60X0542811101000000123456', ?)`).run(
          beneficiario,
          person,
          caseId,
          now,
        );
        db.prepare(
          `INSERT INTO sal_tirocini (id, beneficiario_id, azienda_id, convenzione_id, regime, parametri_id, ore_settimanali, orario, inizio, fine, created_at) VALUES (?, ?, ?, ?, 'ordinario', ?, 20, ?, '2027-01-04', '2027-06-30', ?)`,
        ).run(tirocinio, beneficiario, a.id, a.convenzione, parametri, JSON.stringify(ORARIO), now);
        for (let d = 1; d <= 31; d++) {
          const date = `${MONTH}-${String(d).padStart(2, '0')}`;
          const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
          if (weekday !== 0 && weekday !== 6) presenza.run(uuidv7(), tirocinio, date, d % 9 === 0 ? 0 : 4);
        }
        tirocini.push(tirocinio);
      }
    })();
    options.log(`sal: ${options.tirocini} tirocini con un mese di presenze in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const lists: number[] = [];
    for (let i = 0; i < options.rounds + 2; i++) {
      const t = performance.now();
      const list = paymentList(ctx, MONTH);
      if (i >= 2) lists.push(performance.now() - t);
      if (list.rows.length !== options.tirocini) throw new Error(`elenco dei pagamenti incompleto: ${list.rows.length}`);
      store.writer.flushAudit();
    }
    const presenze = new PresenzeService(ctx);
    const saves: number[] = [];
    for (let i = 0; i < options.rounds + 2; i++) {
      const grid = presenze.month({ tirocinioId: tirocini[i % tirocini.length]!, month: MONTH }).grid;
      const days = grid.map((d) => ({ date: d.date, ore: d.kind === 'previsto' ? (i % 2 ? 4 : 3.5) : 0, assenza: '' }));
      const t = performance.now();
      presenze.save({ tirocinioId: tirocini[i % tirocini.length]!, month: MONTH, presenze: days });
      if (i >= 2) saves.push(performance.now() - t);
    }
    return [
      {
        name: 'sal_payments_ms',
        value: round(median(lists), 2),
        unit: 'ms',
        target: 100,
        detail: { tirocini: options.tirocini, rounds: lists.length, p95_ms: round(percentile(lists, 95), 2) },
      },
      { name: 'sal_presenze_save_ms', value: round(median(saves), 2), unit: 'ms', target: 50, detail: { rounds: saves.length, p95_ms: round(percentile(saves, 95), 2) } },
    ];
  } finally {
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
