import type { Regime } from './regimi';

/** The monthly indennità for tirocini of up to `finoAOreSettimanali` weekly hours (null: any). */
export interface FasciaIndennita {
  finoAOreSettimanali: number | null;
  importoMensileCents: number;
}

/** A host's limit on tirocinanti at the same time: up to `finoADipendenti` open-ended employees, `massimo`. */
export interface LimiteOspitante {
  finoADipendenti: number;
  massimo: number;
}

/**
 * One version of a regime's rules. The figures change with regional and national decisions, so
 * they are data with a start date and the text they come from, never constants in code: a
 * tirocinio is judged by the version in force on its start date.
 */
export interface RegimeParameters {
  regime: Regime;
  /** First day (ISO) this version applies to tirocini starting on or after it. */
  validoDal: string;
  durataMinMesi: number;
  durataMaxMesi: number;
  /** TIS: may go beyond the maximum when the service attests the need (a recorded exception). */
  rinnovabileOltreMax: boolean;
  oreMaxGiorno: number;
  limitiOspitante: LimiteOspitante[];
  /** Beyond the last band: this percentage of open-ended employees, rounded down. */
  oltrePercentuale: number;
  /** Tirocinanti of this regime do not count towards the host's limit (e.g. L.68/99). */
  esclusoDaiLimiti: boolean;
  sogliaPresenzaPercento: number;
  fasce: FasciaIndennita[];
  sospensioneMinGiorniMalattia: number;
  sospensioneMinGiorniChiusura: number;
  fonte: string;
}

const UMBRIA_2019 = 'Regione Umbria, DGR 202/2019 (recepimento Linee guida nazionali 25/05/2017); importi della Zona Sociale 11';

const COMMON = {
  validoDal: '2019-03-01',
  oreMaxGiorno: 8,
  limitiOspitante: [
    { finoADipendenti: 5, massimo: 1 },
    { finoADipendenti: 20, massimo: 2 },
  ],
  oltrePercentuale: 10,
  sogliaPresenzaPercento: 70,
  fasce: [
    { finoAOreSettimanali: 15, importoMensileCents: 30_000 },
    { finoAOreSettimanali: 25, importoMensileCents: 45_000 },
    { finoAOreSettimanali: null, importoMensileCents: 60_000 },
  ],
  sospensioneMinGiorniMalattia: 30,
  sospensioneMinGiorniChiusura: 15,
  fonte: UMBRIA_2019,
} as const;

/** What a new archive starts with; the administrator adds versions in Impostazioni → SAL. */
export const DEFAULT_PARAMETERS: RegimeParameters[] = [
  {
    ...COMMON,
    limitiOspitante: [...COMMON.limitiOspitante],
    fasce: [...COMMON.fasce],
    regime: 'ordinario',
    durataMinMesi: 2,
    durataMaxMesi: 6,
    rinnovabileOltreMax: false,
    esclusoDaiLimiti: false,
  },
  {
    ...COMMON,
    limitiOspitante: [...COMMON.limitiOspitante],
    fasce: [...COMMON.fasce],
    regime: 'disabili_svantaggiati',
    durataMinMesi: 2,
    durataMaxMesi: 12,
    rinnovabileOltreMax: false,
    esclusoDaiLimiti: false,
  },
  {
    ...COMMON,
    limitiOspitante: [...COMMON.limitiOspitante],
    fasce: [...COMMON.fasce],
    regime: 'inclusione_sociale',
    durataMinMesi: 2,
    durataMaxMesi: 24,
    rinnovabileOltreMax: true,
    esclusoDaiLimiti: false,
  },
];

/** The version of `regime` in force on `date`: the latest one starting on or before it. */
export function parametersInForce(versions: readonly RegimeParameters[], regime: Regime, date: string): RegimeParameters | null {
  let best: RegimeParameters | null = null;
  for (const v of versions) {
    if (v.regime !== regime || v.validoDal > date) continue;
    if (!best || v.validoDal > best.validoDal) best = v;
  }
  return best;
}

/** The monthly amount for a tirocinio of `weeklyHours`, from the version's bands. */
export function monthlyAmountCents(params: RegimeParameters, weeklyHours: number): number {
  const bands = [...params.fasce].sort((a, b) => (a.finoAOreSettimanali ?? Infinity) - (b.finoAOreSettimanali ?? Infinity));
  for (const band of bands) if (band.finoAOreSettimanali === null || weeklyHours <= band.finoAOreSettimanali) return band.importoMensileCents;
  return bands.at(-1)?.importoMensileCents ?? 0;
}

/** How many tirocinanti a host with `employees` open-ended employees may have at once. */
export function hostLimit(params: RegimeParameters, employees: number): number {
  const bands = [...params.limitiOspitante].sort((a, b) => a.finoADipendenti - b.finoADipendenti);
  for (const band of bands) if (employees <= band.finoADipendenti) return band.massimo;
  return Math.floor((employees * params.oltrePercentuale) / 100);
}
