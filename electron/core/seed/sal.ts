import { addDays, addMonths, toDayNumber } from '../../../shared/domain/dates';
import { holidaysBetween, type PatronDay } from '../../../shared/domain/holidays';
import { hostLimit, parametersInForce, type RegimeParameters } from '../../../shared/domain/sal/parameters';
import { monthGrid } from '../../../shared/domain/sal/presenze';
import type { Esito, Orario, Regime } from '../../../shared/domain/sal/regimi';
import { effectiveEnd, type Sospensione } from '../../../shared/domain/sal/tirocinio-rules';
import { provisionalCheckDigit } from '../../../shared/domain/codice-fiscale';
import type { RowValues } from '../db/schema';
import { uuidv7 } from '../ids';
import { COGNOMI, NOMI_F, NOMI_M, VIE } from './names';
import { Rng } from './rng';
import { ASSENZE, CONTRATTI, MOTIVI_CESSAZIONE, MOTIVI_PROROGA, OBIETTIVI, SECTORS } from './sal-texts';
import { beneficiario, type SalBatch, type SalCandidate } from './sal-people';

export interface SalSeedInput {
  seed: number;
  today: string;
  tirocini: number;
  candidates: readonly SalCandidate[];
  comuni: readonly { istat: string; nome: string }[];
  /** Stored parameter versions (with their ids): each tirocinio is judged by the one in force at its start. */
  parametri: readonly (RegimeParameters & { id: string })[];
  patrons: readonly PatronDay[];
  mediatori: readonly string[];
  invianti: readonly string[];
  createdBy: string;
  createdAt: string;
}

/** Ids to open in the demo: one tirocinio in each state, a beneficiario waiting, a host company. */
export interface SalSamples {
  tirocini: Partial<Record<Archetype, string>>;
  beneficiarioInAttesa: string | null;
  aziendaId: string | null;
  /** The last whole month: its payment list has every kind of row. */
  mesePagamenti: string;
}

/** The states every seed shows at least once (the first tirocini), then drawn at random. */
const ARCHETYPES = [
  'in_corso',
  'sospeso',
  'prorogato',
  'concluso_assunzione',
  'concluso_nuovo_tirocinio',
  'concluso_conclusione',
  'concluso_rinuncia',
  'concluso_interruzione',
  'cessato',
  'cessato_rinuncia',
  'cessato_interruzione',
] as const;
export type Archetype = (typeof ARCHETYPES)[number];
const DRAWN: readonly Archetype[] = [
  'in_corso',
  'in_corso',
  'in_corso',
  'in_corso',
  'in_corso',
  'prorogato',
  'sospeso',
  'concluso_assunzione',
  'concluso_conclusione',
  'concluso_nuovo_tirocinio',
  'cessato',
  'cessato_interruzione',
];

const TIMETABLES: readonly Orario[] = [
  { lun: 3, mar: 3, mer: 3, gio: 3, ven: 3, sab: 0, dom: 0 },
  { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 },
  { lun: 5, mar: 5, mer: 5, gio: 5, ven: 5, sab: 0, dom: 0 },
  { lun: 6, mar: 6, mer: 6, gio: 6, ven: 6, sab: 0, dom: 0 },
  { lun: 6, mar: 0, mer: 6, gio: 0, ven: 6, sab: 0, dom: 0 },
];
const EMPLOYEES = [2, 3, 4, 5, 8, 12, 15, 25, 40, 80];

interface Plan {
  archetype: Archetype;
  candidate: SalCandidate;
  beneficiarioId: string;
  regime: Regime;
  params: RegimeParameters & { id: string };
  orario: Orario;
  inizio: string;
  fine: string;
  prorogaDa: string | null;
  sospensioni: Sospensione[];
  /** The last day it ran (cessazione, or the end with the sospensioni). */
  ultimo: string;
}

interface Host {
  id: string;
  tutorId: string;
  convenzioneId: string;
  scadenza: string;
  sector: (typeof SECTORS)[number];
  comuneIstat: string;
  /** The last day of the tirocinio in each of its places (its limit), ISO. */
  slots: string[];
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/**
 * The SAL register of the demo zone, reproducible from the seed: beneficiari referred from open
 * case files, host companies (valid partite IVA) with tutors and convenzioni, tirocini in every
 * state with their presenze up to yesterday. Every rule the register checks holds: durations
 * within the regime's version, at most the host's limit at the same time, sospensioni long
 * enough and inside the period, hours only on planned days.
 */
export function seedSal(input: SalSeedInput): { batch: SalBatch; samples: SalSamples } {
  const rng = new Rng((input.seed ^ 0x5a15_eed1) >>> 0);
  const b: SalBatch = {
    sal_aziende: [],
    sal_tutor: [],
    sal_convenzioni: [],
    sal_beneficiari: [],
    sal_fasi: [],
    sal_attivita: [],
    sal_consensi: [],
    sal_tirocini: [],
    sal_sospensioni: [],
    sal_proroghe: [],
    sal_presenze: [],
  };
  const today = input.today;
  const lastMonth = addMonths(`${today.slice(0, 7)}-01`, -1).slice(0, 7);
  const samples: SalSamples = { tirocini: {}, beneficiarioInAttesa: null, aziendaId: null, mesePagamenti: lastMonth };
  const pool = [...input.candidates];
  const take = (): SalCandidate | null => pool.shift() ?? null;
  const paramsFor = (regime: Regime, inizio: string) => {
    const found = parametersInForce(input.parametri, regime, inizio);
    if (!found) throw new Error(`Nessun parametro SAL per ${regime} al ${inizio}`);
    return found as RegimeParameters & { id: string };
  };

  // 1. The tirocini's dates, by state.
  const plans: Plan[] = [];
  const planOne = (archetype: Archetype, candidate: SalCandidate, beneficiarioId: string, start: string | null): Plan => {
    const regime: Regime = candidate.invalido ? 'disabili_svantaggiati' : rng.chance(0.2) ? 'inclusione_sociale' : 'ordinario';
    const probe = paramsFor(regime, today);
    const maxMonths = Math.min(probe.durataMaxMesi, 12);
    const months = rng.int(Math.max(probe.durataMinMesi, 3), Math.max(Math.max(probe.durataMinMesi, 3), Math.min(maxMonths, 6 + (regime === 'ordinario' ? 0 : 3))));
    const running = archetype === 'in_corso' || archetype === 'sospeso' || archetype === 'prorogato';
    // A running one has not reached its end (a month is at least 28 days); a sospeso one started
    // weeks ago; one that ended did so weeks before today, its sospensioni and esito included.
    let inizio: string;
    if (start) inizio = start;
    else if (archetype === 'sospeso') inizio = addDays(today, -rng.int(25, 28 * months - 5));
    else if (running) inizio = rng.chance(0.05) ? addDays(today, rng.int(1, 20)) : addDays(today, -rng.int(0, 28 * months - 5));
    else inizio = addDays(today, -rng.int(months * 31 + 50, months * 31 + 540));
    const params = paramsFor(regime, inizio);
    const fine = addDays(addMonths(inizio, months), -1);
    const prorogaDa = archetype === 'prorogato' && months > params.durataMinMesi ? addDays(addMonths(inizio, months - 1), -1) : null;
    const sospensioni: Sospensione[] = [];
    if (archetype === 'sospeso') {
      const dal = addDays(today, -rng.int(3, 20));
      sospensioni.push({ dal, al: addDays(dal, params.sospensioneMinGiorniMalattia + rng.int(0, 20)), motivo: rng.pick(['malattia', 'infortunio', 'maternita'] as const) });
    } else if (rng.chance(0.1) && toDayNumber(fine) - toDayNumber(inizio) > 60) {
      const dal = addDays(inizio, rng.int(20, 40));
      if (dal < today) sospensioni.push({ dal, al: addDays(dal, params.sospensioneMinGiorniChiusura + rng.int(0, 6)), motivo: 'chiusura_aziendale' });
    }
    const end = effectiveEnd({ fine, sospensioni });
    const cessato = archetype.startsWith('cessato');
    const ultimo = cessato ? addDays(inizio, rng.int(20, Math.max(21, toDayNumber(end) - toDayNumber(inizio) - 10))) : end;
    // A cessazione ends it: no sospensione after it.
    const kept = cessato ? sospensioni.filter((x) => x.al < ultimo) : sospensioni;
    return { archetype, candidate, beneficiarioId, regime, params, orario: rng.pick(TIMETABLES), inizio, fine, prorogaDa, sospensioni: kept, ultimo };
  };
  for (let i = 0; plans.length < input.tirocini; i++) {
    const candidate = take();
    if (!candidate) break;
    const archetype = i < ARCHETYPES.length ? ARCHETYPES[i]! : rng.pick(DRAWN);
    const first = planOne(archetype, candidate, uuidv7(), null);
    plans.push(first);
    // "Nuovo tirocinio": the same person starts another one after the first.
    const start = addDays(first.ultimo, rng.int(7, 30));
    if (archetype === 'concluso_nuovo_tirocinio' && plans.length < input.tirocini && start < today) {
      const next = planOne('in_corso', candidate, first.beneficiarioId, start);
      if (next.ultimo < today) next.archetype = 'concluso_conclusione';
      plans.push(next);
    }
  }

  // 2. Hosts: each tirocinio takes a free place (its limit) at a company whose convenzione covers it.
  const hosts: Host[] = [];
  const newHost = (from: string, comuneIstat: string, scadenza?: string): Host => {
    const sector = rng.pick(SECTORS);
    const n = hosts.length;
    const employees = sector.ateco === '84.11' ? 40 : rng.pick(EMPLOYEES);
    const comune = input.comuni.find((c) => c.istat === comuneIstat) ?? input.comuni[0]!;
    const name =
      sector.ateco === '84.11' ? `Comune di ${comune.nome}` : `${rng.pick(sector.nomi)} ${rng.pick(COGNOMI)}${rng.chance(0.5) ? ` ${rng.pick(sector.forma)}` : ''}`.trim();
    const first10 = `${pad(1_000_001 + n * 37 + rng.int(0, 36), 7)}055`;
    const id = uuidv7();
    b.sal_aziende.push({
      id,
      values: {
        ragione_sociale: name,
        codice: `${first10}${provisionalCheckDigit(first10)}`,
        comune_istat: comune.istat,
        indirizzo: `${rng.pick(VIE)} ${rng.int(1, 90)}, ${comune.nome}`,
        ateco_codice: sector.ateco,
        ateco_descrizione: sector.descrizione,
        dipendenti_ti: employees,
        referente: `${rng.pick([...NOMI_M, ...NOMI_F])} ${rng.pick(COGNOMI)}`,
        telefono: `0744 ${rng.int(100000, 999999)}`,
        email: '',
        coop_b: name.includes('coop. sociale') ? 1 : 0,
        note: '',
        attiva: 1,
        created_at: input.createdAt,
      },
    });
    const tutorId = uuidv7();
    for (const [k, tid] of [tutorId, ...(rng.chance(0.3) ? [uuidv7()] : [])].entries()) {
      b.sal_tutor.push({
        id: tid,
        values: {
          azienda_id: id,
          nome: `${rng.pick([...NOMI_F, ...NOMI_M])} ${rng.pick(COGNOMI)}`,
          ruolo: k === 0 ? 'Responsabile di reparto' : 'Capo squadra',
          telefono: '',
          email: '',
          attivo: 1,
        },
      });
    }
    const data = addDays(from, -rng.int(10, 90));
    const convenzioneId = uuidv7();
    const end = scadenza ?? addDays(addMonths(data, 36), -1);
    b.sal_convenzioni.push({
      id: convenzioneId,
      values: { azienda_id: id, numero: `${n + 1}/${data.slice(0, 4)}`, data, scadenza: end, file: null, file_nome: '', sha256: '', dimensione: 0, created_at: input.createdAt },
    });
    const host: Host = {
      id,
      tutorId,
      convenzioneId,
      scadenza: end,
      sector,
      comuneIstat: comune.istat,
      slots: Array.from({ length: hostLimit(paramsFor('ordinario', today), employees) }, () => ''),
    };
    hosts.push(host);
    return host;
  };
  const hostOf = new Map<Plan, Host>();
  for (const p of [...plans].sort((x, y) => x.inizio.localeCompare(y.inizio))) {
    const start = hosts.length ? rng.int(0, hosts.length - 1) : 0;
    let found: { host: Host; slot: number } | null = null;
    for (let k = 0; k < hosts.length && !found; k++) {
      const h = hosts[(start + k) % hosts.length]!;
      const slot = h.slots.findIndex((last) => last < p.inizio);
      if (slot >= 0 && h.scadenza >= p.inizio && rng.chance(0.7)) found = { host: h, slot };
    }
    if (!found) found = { host: newHost(p.inizio, rng.chance(0.5) ? p.candidate.comuneIstat : rng.pick(input.comuni).istat), slot: 0 };
    found.host.slots[found.slot] = p.ultimo;
    hostOf.set(p, found.host);
  }
  // Some companies still without a tirocinio (for the matching), some convenzioni expiring soon.
  for (let i = 0; i < Math.max(2, Math.round(plans.length / 10)); i++) {
    const h = newHost(addDays(today, -rng.int(30, 400)), rng.pick(input.comuni).istat, i % 2 === 0 ? addDays(today, rng.int(5, 55)) : undefined);
    samples.aziendaId ??= h.id;
  }

  // 3. Beneficiari and their paths; 4. the tirocini, sospensioni, proroghe and presenze.
  const byBeneficiario = new Map<string, Plan[]>();
  for (const p of plans) byBeneficiario.set(p.beneficiarioId, [...(byBeneficiario.get(p.beneficiarioId) ?? []), p]);
  for (const [id, own] of byBeneficiario) beneficiario(b, rng, input, id, own[0]!.candidate, own);
  for (let i = 0; i < Math.round(plans.length / 8); i++) {
    const candidate = take();
    if (!candidate) break;
    const id = uuidv7();
    beneficiario(b, rng, input, id, candidate, []);
    samples.beneficiarioInAttesa ??= id;
  }
  const holidays = new Map<string, Map<string, string>>();
  const holidaysOf = (comune: string, month: string) => {
    const key = `${comune}/${month}`;
    if (!holidays.has(key)) {
      const list = holidaysBetween(
        `${month}-01`,
        addMonths(`${month}-01`, 1),
        input.patrons.filter((x) => x.comuneIstat === comune),
      );
      holidays.set(key, new Map(list.map((h) => [h.date, h.name])));
    }
    return holidays.get(key)!;
  };
  let behindCount = 0;
  for (const p of plans) {
    const host = hostOf.get(p)!;
    const id = uuidv7();
    samples.tirocini[p.archetype] ??= id;
    tirocinio(b, rng, input, p, host, id);
    // Presenze up to yesterday; some running tirocini are behind (the cruscotto asks for them).
    const running = p.ultimo >= today ? behindCount++ : -1;
    const behind = running % 8 === 7 ? 2 : running % 5 === 4 ? 1 : 0;
    const until = [addDays(today, -1), addDays(`${today.slice(0, 7)}-01`, -1), addDays(addMonths(`${today.slice(0, 7)}-01`, -1), -1)][behind]!;
    const last = p.ultimo < until ? p.ultimo : until;
    const plan = { inizio: p.inizio, fine: p.archetype.startsWith('cessato') ? p.ultimo : p.fine, oreSettimanali: 0, orario: p.orario, sospensioni: p.sospensioni };
    for (let month = p.inizio.slice(0, 7); month <= last.slice(0, 7); month = addMonths(`${month}-01`, 1).slice(0, 7)) {
      for (const d of monthGrid(plan, month, holidaysOf(host.comuneIstat, month))) {
        if (d.kind !== 'previsto' || d.date > last) continue;
        const r = rng.next();
        const absent = r < 0.06;
        const ore = absent ? 0 : r < 0.11 ? Math.max(1, d.previste - rng.pick([1, 2])) : d.previste;
        b.sal_presenze.push({ id: uuidv7(), values: { tirocinio_id: id, data: d.date, ore, assenza: absent ? rng.pick(ASSENZE) : '' } });
      }
    }
  }
  return { batch: b, samples };
}

const ESITO_OF: Partial<Record<Archetype, Esito>> = {
  concluso_assunzione: 'assunzione',
  concluso_nuovo_tirocinio: 'nuovo_tirocinio',
  concluso_conclusione: 'conclusione',
  concluso_rinuncia: 'rinuncia',
  concluso_interruzione: 'interruzione',
  cessato_rinuncia: 'rinuncia',
  cessato_interruzione: 'interruzione',
};

function tirocinio(b: SalBatch, rng: Rng, input: SalSeedInput, p: Plan, host: Host, id: string): void {
  const esito = ESITO_OF[p.archetype] ?? '';
  const cessato = p.archetype.startsWith('cessato');
  const values: RowValues<'sal_tirocini'> = {
    beneficiario_id: p.beneficiarioId,
    azienda_id: host.id,
    convenzione_id: host.convenzioneId,
    regime: p.regime,
    parametri_id: p.params.id,
    obiettivi: rng.pick(OBIETTIVI),
    mansione: rng.pick(host.sector.mansioni),
    sede_svolgimento: input.comuni.find((c) => c.istat === host.comuneIstat)?.nome ?? '',
    tutor_promotore_id: input.mediatori[0] ?? null,
    tutor_aziendale_id: host.tutorId,
    ore_settimanali: Object.values(p.orario).reduce((s, h) => s + h, 0),
    orario: JSON.stringify(p.orario),
    inizio: p.inizio,
    fine: p.fine,
    pagato_da: rng.chance(0.8) ? 'Comune di Narni (Zona Sociale 11)' : 'Regione Umbria (POR FSE+)',
    inail: `PAT ${rng.int(10_000_000, 99_999_999)}`,
    rc: `Polizza ${rng.int(100_000, 999_999)}`,
    comunicazione_data: addDays(p.inizio, -rng.int(1, 5)),
    stato: cessato ? 'cessato' : esito ? 'concluso' : 'in_corso',
    cessazione_data: cessato ? p.ultimo : null,
    cessazione_motivo: cessato ? rng.pick(MOTIVI_CESSAZIONE) : '',
    esito,
    esito_data: esito ? (esito === 'assunzione' ? addDays(p.ultimo, rng.int(1, 20)) : p.ultimo) : null,
    esito_contratto: esito === 'assunzione' ? rng.pick(CONTRATTI) : '',
    deroga_regola: '',
    deroga_motivo: '',
    created_by: input.createdBy,
    created_at: input.createdAt,
  };
  b.sal_tirocini.push({ id, values });
  for (const s of p.sospensioni) b.sal_sospensioni.push({ id: uuidv7(), values: { tirocinio_id: id, dal: s.dal, al: s.al, motivo: s.motivo, attiva: 1 } });
  if (p.prorogaDa) {
    // Decided two weeks before the first end, and never after today.
    const at = addDays(p.prorogaDa, -15) < input.today ? addDays(p.prorogaDa, -15) : input.today;
    const prorogaAt = at < p.inizio ? p.inizio : at;
    b.sal_proroghe.push({
      id: uuidv7(),
      values: {
        tirocinio_id: id,
        fine_prima: p.prorogaDa,
        fine_dopo: p.fine,
        motivo: rng.pick(MOTIVI_PROROGA),
        autore_id: input.mediatori[0] ?? null,
        at: `${prorogaAt}T09:00:00.000Z`,
      },
    });
  }
}
