import { AREA_CODES, DIARY_TYPE_CODES, PROBLEMATICA_CODES, TERMINE_CODES, formatCaseNumber, type StatoCartella } from '../../../shared/domain/cartella';
import { computeCf, omocodiaRoot } from '../../../shared/domain/codice-fiscale';
import { addDays, addMonths, fromDayNumber, toDayNumber } from '../../../shared/domain/dates';
import type { RowValues, WritableTable } from '../db/schema';
import { uuidv7 } from '../ids';
import { COGNOMI, DIARY_BODIES, DIARY_OPENINGS, NOMI_F, NOMI_M, VIE } from './names';
import { Rng } from './rng';

export interface SeedZone {
  comuni: { istat: string; catastale: string; nome: string }[];
  sedi: { id: string; lettera: string; comuneIstat: string }[];
}

export interface SeedStaff {
  assistenti: string[];
  educatori: string[];
  psicologi: string[];
}

export interface SeedOptions {
  seed: number;
  today: string;
  diaryPerCase: number;
  /** Share of people with a case file. */
  caseRate: number;
}

export type Batch = { [T in WritableTable]?: { id: string; values: RowValues<T> }[] };

/** An open case an operator works on, with where its person lives: what the agenda books. */
export interface CaseLink {
  caseId: string;
  personId: string;
  sedeId: string;
  comuneIstat: string;
  indirizzo: string;
  /** The case's operators, responsabile first. */
  team: string[];
}

/** Enough open cases per operator for two months of colloqui and visits. */
const LINKS_PER_OPERATOR = 40;

/** Birth places: mostly the zone, some of Italy, some abroad (Belfiore codes). */
const OTHER_PLACES = ['H501', 'L117', 'F839', 'G478', 'F205', 'Z129', 'Z330', 'Z100', 'Z138', 'Z335', 'Z210'];
/** Comuni of the Amelia side of the zone; the rest refer to Narni. */
const AMELIA_SIDE = new Set(['055003', '055004', '055006', '055014', '055015', '055016', '055026']);

/** The sede a comune's people are followed from. */
export function sedeForComune<S extends { lettera: string }>(sedi: readonly S[], istat: string): S | undefined {
  return sedi.find((s) => s.lettera === (AMELIA_SIDE.has(istat) ? 'A' : 'N')) ?? sedi[0];
}

/**
 * Realistic synthetic people for the 12 comuni, reproducible from a seed: households, valid
 * codici fiscali, case files with numbers per sede and year, Italian diary text, PAI and
 * interventions. Produced a chunk of people at a time so 100,000 fit in little memory.
 */
export class SeedGenerator {
  private readonly rng: Rng;
  private readonly roots = new Set<string>();
  private readonly counters = new Map<string, number>();
  /** Per operator, the first open cases handed out (no draws: the people stay as they were). */
  readonly caseLinks = new Map<string, CaseLink[]>();

  constructor(
    private readonly zone: SeedZone,
    private readonly staff: SeedStaff,
    private readonly options: SeedOptions,
  ) {
    this.rng = new Rng(options.seed);
  }

  chunk(persons: number): Batch {
    const b: Required<Batch> = {
      zone: [],
      comuni: [],
      sedi: [],
      rooms: [],
      users: [],
      user_key_slots: [],
      persons: [],
      households: [],
      household_members: [],
      isee: [],
      accessi: [],
      cases: [],
      case_status_history: [],
      case_operators: [],
      diary_entries: [],
      diary_versions: [],
      diary_named_users: [],
      pai: [],
      pai_objectives: [],
      interventions: [],
      deliveries: [],
      attachments: [],
      emergency_accesses: [],
      appointments: [],
      appointment_operators: [],
      sede_orari: [],
      comuni_patroni: [],
      account_notices: [],
      sal_parametri: [],
      sal_beneficiari: [],
      sal_fasi: [],
      sal_attivita: [],
      sal_consensi: [],
      sal_aziende: [],
      sal_tutor: [],
      sal_convenzioni: [],
      sal_tirocini: [],
      sal_sospensioni: [],
      sal_proroghe: [],
      sal_presenze: [],
      letter_template_versions: [],
      letter_template_heads: [],
      documents: [],
      sync_nodes: [],
      siuss_batches: [],
      siuss_records: [],
      siuss_state: [],
      person_restrictions: [],
      scarti: [],
    };
    const now = `${this.options.today}T09:00:00.000Z`;
    let made = 0;
    while (made < persons) {
      const size = Math.min(persons - made, this.rng.pick([1, 1, 2, 2, 3, 3, 4, 5]));
      const comune = this.rng.pick(this.zone.comuni);
      const address = `${this.rng.pick(VIE)} ${this.rng.int(1, 120)}, ${comune.nome}`;
      const cognome = this.rng.pick(COGNOMI);
      const householdId = uuidv7();
      const members: string[] = [];
      // A plausible family: a partner of similar age, children born when the head was 18 to 45.
      const headAge = this.rng.int(size > 2 ? 24 : 22, size > 2 ? 60 : 90);
      for (let i = 0; i < size; i++) {
        const sex = i === 0 ? this.rng.pick(['M', 'F'] as const) : i === 1 ? 'F' : this.rng.pick(['M', 'F'] as const);
        const age = i === 0 ? headAge : i === 1 ? Math.max(18, headAge + this.rng.int(-8, 8)) : Math.max(0, headAge - this.rng.int(18, Math.min(45, headAge)));
        const id = uuidv7();
        const person = this.person(id, i === 1 ? this.rng.pick(COGNOMI) : cognome, sex, age, comune, address, now);
        b.persons.push({ id, values: person });
        members.push(id);
      }
      if (size > 1) {
        b.households.push({ id: householdId, values: { created_at: now } });
        members.forEach((personId, i) => {
          b.household_members.push({
            id: uuidv7(),
            values: {
              household_id: householdId,
              person_id: personId,
              parentela: i === 0 ? 'intestatario' : i === 1 ? 'coniuge' : 'figlio',
              convivente: 1,
              attivo: 1,
              dal: '2015-01-01',
              al: null,
            },
          });
        });
      }
      if (this.rng.chance(this.options.caseRate * Math.min(1, (size + 1) / 3))) this.caseFor(b, members[0] as string, comune.istat, address, now);
      made += size;
    }
    return b;
  }

  private person(id: string, cognome: string, sex: 'M' | 'F', age: number, comune: SeedZone['comuni'][number], address: string, now: string): RowValues<'persons'> {
    const nome = sex === 'M' ? this.rng.pick(NOMI_M) : this.rng.pick(NOMI_F);
    const belfiore = this.rng.chance(0.75) ? comune.catastale : this.rng.pick(OTHER_PLACES);
    let birth = fromDayNumber(toDayNumber(this.options.today) - age * 365 - this.rng.int(0, 364));
    let cf = computeCf({ cognome, nome, birthDate: birth, sex, belfiore });
    // Two synthetic people with the same name, date and place would share a code: move a day.
    while (this.roots.has(omocodiaRoot(cf))) {
      birth = addDays(birth, 1);
      cf = computeCf({ cognome, nome, birthDate: birth, sex, belfiore });
    }
    this.roots.add(omocodiaRoot(cf));
    const foreign = belfiore.startsWith('Z');
    return {
      cognome,
      nome,
      codice_fiscale: cf,
      cf_root: omocodiaRoot(cf),
      sesso: sex,
      data_nascita: birth,
      luogo_nascita: belfiore,
      cittadinanza: foreign && this.rng.chance(0.6) ? belfiore : 'ITA',
      cittadinanza2: null,
      residenza_comune_istat: comune.istat,
      residenza_indirizzo: address,
      domicilio: '',
      telefono: this.rng.chance(0.7) ? `3${this.rng.int(20, 49)} ${this.rng.int(100, 999)} ${this.rng.int(1000, 9999)}` : '',
      email: '',
      titolo_studio: this.rng.pick(['', 'Licenza media', 'Diploma', 'Laurea', 'Licenza elementare']),
      condizione_lavorativa: age < 18 ? 'Studente' : age > 67 ? 'Pensionato' : this.rng.pick(['Occupato', 'Disoccupato', 'In cerca di prima occupazione', 'Casalinga']),
      permesso_soggiorno: foreign && this.rng.chance(0.5) ? 'Permesso di soggiorno per lavoro subordinato' : '',
      invalidita: age > 70 && this.rng.chance(0.3) ? 'Invalidità civile 100%' : '',
      legge_104: age > 70 && this.rng.chance(0.2) ? 1 : 0,
      tutore: '',
      created_at: now,
    };
  }

  private caseFor(b: Required<Batch>, personId: string, istat: string, address: string, now: string): void {
    const today = this.options.today;
    const sede = sedeForComune(this.zone.sedi, istat);
    if (!sede) throw new Error('La zona non ha sedi');
    const opened = fromDayNumber(toDayNumber(today) - this.rng.int(10, 6 * 365));
    const anno = Number(opened.slice(0, 4));
    const key = `${sede.id}/${anno}`;
    const progressivo = (this.counters.get(key) ?? 0) + 1;
    this.counters.set(key, progressivo);
    const caseId = uuidv7();
    const stato: StatoCartella = this.rng.pick(['aperto', 'in_carico', 'in_carico', 'in_carico', 'sospeso', 'chiuso']);
    const closed = stato === 'chiuso' ? fromDayNumber(Math.min(toDayNumber(today), toDayNumber(opened) + this.rng.int(30, 900))) : null;
    b.cases.push({
      id: caseId,
      values: {
        numero: formatCaseNumber(anno, sede.lettera, progressivo),
        anno,
        sede_id: sede.id,
        progressivo,
        person_id: personId,
        area: this.rng.pick(AREA_CODES),
        problematiche: JSON.stringify([...new Set([this.rng.pick(PROBLEMATICA_CODES), this.rng.pick(PROBLEMATICA_CODES)])]),
        stato,
        aperta_il: opened,
        chiusa_il: closed,
        archiviata: 0,
        created_at: now,
      },
    });
    b.case_status_history.push({ id: uuidv7(), values: { case_id: caseId, stato: 'aperto', data: opened, motivo: '', user_id: null, at: now } });
    if (stato !== 'aperto') {
      b.case_status_history.push({
        id: uuidv7(),
        values: { case_id: caseId, stato, data: closed ?? opened, motivo: stato === 'in_carico' ? '' : 'Motivo registrato nei dati dimostrativi', user_id: null, at: now },
      });
    }
    const responsabile = this.rng.pick(this.staff.assistenti);
    b.case_operators.push({ id: uuidv7(), values: { case_id: caseId, user_id: responsabile, ruolo: 'responsabile', dal: opened, al: null } });
    const team = [responsabile];
    if (this.staff.educatori.length && this.rng.chance(0.3)) {
      const edu = this.rng.pick(this.staff.educatori);
      team.push(edu);
      b.case_operators.push({ id: uuidv7(), values: { case_id: caseId, user_id: edu, ruolo: 'co_operatore', dal: opened, al: null } });
    }
    const psi = this.staff.psicologi.length && this.rng.chance(0.1) ? this.rng.pick(this.staff.psicologi) : null;
    if (psi) b.case_operators.push({ id: uuidv7(), values: { case_id: caseId, user_id: psi, ruolo: 'co_operatore', dal: opened, al: null } });
    if (stato === 'aperto' || stato === 'in_carico') {
      const link: CaseLink = { caseId, personId, sedeId: sede.id, comuneIstat: istat, indirizzo: address, team: psi ? [...team, psi] : team };
      for (const userId of link.team) {
        const links = this.caseLinks.get(userId) ?? [];
        if (links.length < LINKS_PER_OPERATOR) links.push(link);
        this.caseLinks.set(userId, links);
      }
    }

    const span = Math.max(1, toDayNumber(closed ?? today) - toDayNumber(opened));
    const entries = Math.max(1, Math.round(this.options.diaryPerCase * (0.5 + this.rng.next())));
    for (let i = 0; i < entries; i++) {
      const reserved = psi !== null && this.rng.chance(0.15);
      b.diary_entries.push({
        id: uuidv7(),
        values: {
          case_id: caseId,
          tipo: this.rng.pick(DIARY_TYPE_CODES),
          data: fromDayNumber(toDayNumber(opened) + this.rng.int(0, span)),
          ora: `${String(this.rng.int(8, 17)).padStart(2, '0')}:${this.rng.pick(['00', '15', '30', '45'])}`,
          luogo: this.rng.pick(['Sede', 'Domicilio', 'Telefono', 'Scuola', 'Centro per l’impiego']),
          partecipanti: '',
          testo: `${this.rng.pick(DIARY_OPENINGS)} ${this.rng.pick(DIARY_BODIES)} ${this.rng.pick(DIARY_BODIES)}`,
          riservato: reserved ? 1 : 0,
          autore_id: reserved && psi ? psi : this.rng.pick(team),
          versione: 1,
          created_at: now,
        },
      });
    }
    if (stato === 'in_carico' && this.rng.chance(0.6)) {
      const paiId = uuidv7();
      const months = this.rng.pick([3, 6, 6, 12]);
      const start = fromDayNumber(toDayNumber(opened) + this.rng.int(0, Math.min(span, 60)));
      let next = addMonths(start, months);
      while (next < addDays(today, -60)) next = addMonths(next, months);
      b.pai.push({
        id: paiId,
        values: { case_id: caseId, data_avvio: start, revisione_mesi: months, prossima_revisione: next, stato: 'attivo', chiuso_il: null, note: '', created_at: now },
      });
      TERMINE_CODES.forEach((termine, ordine) => {
        b.pai_objectives.push({ id: uuidv7(), values: { pai_id: paiId, termine, descrizione: this.rng.pick(OBJECTIVES), esito: 'in_corso', esito_note: '', ordine } });
      });
    }
    if (this.rng.chance(0.4)) {
      const ivId = uuidv7();
      const amount = this.rng.pick([15000, 20000, 30000, 45000]);
      b.interventions.push({
        id: ivId,
        values: {
          case_id: caseId,
          prestazione_codice: this.rng.pick(['A1.05.01', 'A1.02.01', 'B2.02.01', 'C1.01.01']),
          descrizione: this.rng.pick(['Contributo economico', 'Assistenza domiciliare', 'Buono spesa', 'Trasporto sociale']),
          data_inizio: opened,
          data_fine: null,
          importo_cents: amount,
          quota_ente_cents: amount,
          quota_utente_cents: 0,
          ore_mensili: null,
          stato: 'attivo',
          created_at: now,
        },
      });
      b.deliveries.push({
        id: uuidv7(),
        values: { intervention_id: ivId, data: opened, importo_cents: amount, quota_ente_cents: amount, quota_utente_cents: 0, ore: null, note: '', created_at: now },
      });
    }
    if (this.rng.chance(0.5)) {
      b.isee.push({
        id: uuidv7(),
        values: {
          person_id: personId,
          anno: Number(today.slice(0, 4)),
          tipo: 'ordinario',
          ise_cents: this.rng.int(500000, 3000000),
          isee_cents: this.rng.int(100000, 2500000),
          dsu_protocollo: `INPS-ISEE-${today.slice(0, 4)}-${this.rng.int(100000, 999999)}`,
          dsu_data: addDays(today, -this.rng.int(30, 300)),
          scadenza: `${today.slice(0, 4)}-12-31`,
          created_at: now,
        },
      });
    }
  }
}

const OBJECTIVES = [
  'Iscrizione al centro per l’impiego e ricerca attiva del lavoro',
  'Regolarizzazione dei pagamenti delle utenze',
  'Frequenza scolastica regolare dei figli',
  'Attivazione dell’assistenza domiciliare',
  'Autonomia abitativa',
  'Rafforzamento della rete familiare',
];
