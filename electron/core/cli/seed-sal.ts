import { toDayNumber } from '../../../shared/domain/dates';
import type { PatronDay } from '../../../shared/domain/holidays';
import type { Batch } from '../seed/generate';
import { importBatch } from '../seed/import';
import type { ManifestTally } from '../seed/manifest';
import { seedSal } from '../seed/sal';
import type { SalCandidate } from '../seed/sal-people';
import { ensureParametri, parametriVersions } from '../services/sal/sal-plan';
import type { WorkContext } from '../services/work-context';

/**
 * People of the seeded batches who may be referred to the SAL: of working age (18 to 64), with an
 * open case file. Kept in the order they were made, so the same seed refers the same people.
 */
export class SalCandidates {
  readonly list: SalCandidate[] = [];

  constructor(
    private readonly wanted: number,
    private readonly today: string,
    private readonly sedeNames: ReadonlyMap<string, string>,
  ) {}

  add(batch: Batch): void {
    if (this.list.length >= this.wanted) return;
    const persons = new Map((batch.persons ?? []).map((p) => [p.id, p.values]));
    for (const c of batch.cases ?? []) {
      if (this.list.length >= this.wanted) return;
      if (c.values.stato !== 'aperto' && c.values.stato !== 'in_carico') continue;
      const p = persons.get(String(c.values.person_id));
      if (!p?.data_nascita) continue;
      const age = (toDayNumber(this.today) - toDayNumber(p.data_nascita)) / 365.25;
      if (age < 18 || age >= 65) continue;
      this.list.push({
        personId: String(c.values.person_id),
        caseId: c.id,
        comuneIstat: p.residenza_comune_istat ?? '',
        sedeNome: this.sedeNames.get(String(c.values.sede_id)) ?? '',
        invalido: (p.invalidita ?? '') !== '' || p.legge_104 === 1,
        foreign: (p.cittadinanza ?? 'ITA') !== 'ITA',
      });
    }
  }
}

/** How many candidates a register of `tirocini` uses: one each, a few more waiting for a placement. */
export const candidatesFor = (tirocini: number) => Math.ceil(tirocini * 1.25) + 2;

export interface SalSeedStep {
  work: WorkContext;
  seed: number;
  today: string;
  tirocini: number;
  candidates: readonly SalCandidate[];
  comuni: readonly { istat: string; nome: string }[];
  patrons: readonly PatronDay[];
  mediatori: readonly string[];
  invianti: readonly string[];
  tally: ManifestTally;
}

/** The SAL register of the demo, through the same write path as the rest; one line for the person running it. */
export function seedSalStep(s: SalSeedStep): string {
  ensureParametri(s.work);
  const createdAt = new Date().toISOString();
  const { batch, samples } = seedSal({ ...s, parametri: parametriVersions(s.work), createdBy: s.work.userId, createdAt });
  importBatch(s.work, batch);
  s.tally.add(batch);
  s.tally.sal(samples);
  const t = batch.sal_tirocini;
  const count = (stato: string) => t.filter((x) => x.values.stato === stato).length;
  const short = t.length < s.tirocini ? ` (ne erano stati chiesti ${s.tirocini}: non ci sono abbastanza persone con una cartella aperta, aumenta --persons)` : '';
  return (
    `Registro SAL: ${t.length} tirocini${short}: ${count('in_corso')} in corso, ${count('concluso')} conclusi, ${count('cessato')} cessati; ` +
    `${batch.sal_beneficiari.length} beneficiari, ${batch.sal_aziende.length} aziende, ${batch.sal_presenze.length.toLocaleString('it-IT')} giorni di presenze.`
  );
}
