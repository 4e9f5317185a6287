import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared, preparedPluck } from '../statements';

export type AppointmentRow = RowOf<'appointments'>;

/** A row with the names the agenda shows, joined once instead of looked up per row. */
export interface AppointmentView extends AppointmentRow {
  person_cognome: string | null;
  person_nome: string | null;
  case_numero: string | null;
  /** Active operators' user ids, comma-separated, read with the row (one query per window). */
  operator_ids: string | null;
}

/** What a listing (the week view, a booking check) reads of an appointment: no audit columns. */
export type AppointmentListing = Pick<
  AppointmentView,
  | 'id'
  | 'tipo'
  | 'sede_id'
  | 'room_id'
  | 'comune_istat'
  | 'indirizzo'
  | 'person_id'
  | 'case_id'
  | 'inizio'
  | 'fine'
  | 'rrule'
  | 'exdates'
  | 'series_id'
  | 'original_date'
  | 'stato'
  | 'motivo'
  | 'note'
  | 'conflitto_confermato'
  | 'person_cognome'
  | 'person_nome'
  | 'case_numero'
  | 'operator_ids'
>;

export interface OperatorLink extends RowOf<'appointment_operators'> {
  full_name: string;
}

export interface WindowFilter {
  userIds: readonly string[];
  sedeId: string | null;
  roomId: string | null;
}

export type SedeOrarioRow = RowOf<'sede_orari'>;

export type PatronRow = RowOf<'comuni_patroni'>;

const JOINS = `FROM appointments a LEFT JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id`;
const OPERATOR_IDS = `(SELECT group_concat(o.user_id) FROM appointment_operators o WHERE o.appointment_id = a.id AND o.attivo = 1)`;
const VIEW = `SELECT a.*, p.cognome AS person_cognome, p.nome AS person_nome, c.numero AS case_numero, ${OPERATOR_IDS} AS operator_ids ${JOINS}`;

// A week is a few hundred rows: SQLite writes them as one JSON array of arrays and V8 parses it
// in one go. Cheaper than better-sqlite3's rows (a JS value made per column of each row, in C++),
// and than objects. `listing` below turns the arrays into objects of one shape.
const LISTING_COLUMNS = `a.id, a.tipo, a.sede_id, a.room_id, a.comune_istat, a.indirizzo, a.person_id, a.case_id, a.inizio, a.fine,
    a.rrule, a.exdates, a.series_id, a.original_date, a.stato, a.motivo, a.note, a.conflitto_confermato,
    p.cognome, p.nome, c.numero, ${OPERATOR_IDS}`;
const LISTING = `SELECT json_group_array(json_array(${LISTING_COLUMNS})) ${JOINS}`;
const SINGLES = `AND a.inizio >= ? AND a.inizio < ? AND a.rrule = ''`;
const WINDOW_BY_ROOM = `${LISTING} WHERE a.room_id = ? ${SINGLES}`;
const WINDOW_BY_USERS = `${LISTING} WHERE a.id IN (SELECT o.appointment_id FROM appointment_operators o
    WHERE o.user_id IN (SELECT value FROM json_each(?)) AND o.attivo = 1 AND o.inizio >= ? AND o.inizio < ?) AND a.rrule = ''`;
const WINDOW_BY_SEDE = `${LISTING} WHERE a.sede_id = ? ${SINGLES}`;
const WINDOW_ALL = `${LISTING} WHERE 1 ${SINGLES}`;
const WINDOW_SERIES = `${LISTING} WHERE a.rrule <> '' AND a.series_until >= ? AND a.inizio < ?`;

type ListingTuple = [
  string,
  AppointmentView['tipo'],
  string | null,
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  string,
  string,
  string,
  string,
  string | null,
  string | null,
  AppointmentView['stato'],
  string,
  string,
  0 | 1,
  string | null,
  string | null,
  string | null,
  string | null,
];

function listing(t: ListingTuple): AppointmentListing {
  return {
    id: t[0],
    tipo: t[1],
    sede_id: t[2],
    room_id: t[3],
    comune_istat: t[4],
    indirizzo: t[5],
    person_id: t[6],
    case_id: t[7],
    inizio: t[8],
    fine: t[9],
    rrule: t[10],
    exdates: t[11],
    series_id: t[12],
    original_date: t[13],
    stato: t[14],
    motivo: t[15],
    note: t[16],
    conflitto_confermato: t[17],
    person_cognome: t[18],
    person_nome: t[19],
    case_numero: t[20],
    operator_ids: t[21],
  };
}

/** The agenda's SQL. Window queries ride the (sede_id, inizio), (room_id, inizio) and (user_id, inizio) indexes. */
export class AgendaRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): AppointmentView | null {
    return (this.db.prepare(`${VIEW} WHERE a.id = ?`).get(id) as AppointmentView | undefined) ?? null;
  }

  /**
   * Single appointments (and moved occurrences) starting in [from, to), narrowed by the most
   * selective filter given; plus every series that may reach into the window. The caller
   * expands series and applies the remaining filters.
   */
  window(from: string, to: string, f: WindowFilter): AppointmentListing[] {
    const lo = `${from}T00:00`;
    const hi = `${to}T00:00`;
    let singles: string;
    if (f.roomId) singles = this.json(WINDOW_BY_ROOM, f.roomId, lo, hi);
    else if (f.userIds.length > 0) singles = this.json(WINDOW_BY_USERS, JSON.stringify(f.userIds), lo, hi);
    else if (f.sedeId) singles = this.json(WINDOW_BY_SEDE, f.sedeId, lo, hi);
    else singles = this.json(WINDOW_ALL, lo, hi);
    const series = this.json(WINDOW_SERIES, from, hi);
    return (JSON.parse(singles) as ListingTuple[]).concat(JSON.parse(series) as ListingTuple[]).map(listing);
  }

  /** The one value of a LISTING query: its rows as a JSON array. */
  private json(sql: string, ...params: string[]): string {
    return preparedPluck(this.db, sql).get(...params) as string;
  }

  forCase(caseId: string): AppointmentView[] {
    return this.db.prepare(`${VIEW} WHERE a.case_id = ? ORDER BY a.inizio`).all(caseId) as AppointmentView[];
  }

  countAssenze(caseId: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM appointments WHERE case_id = ? AND stato = 'assente'`).get(caseId) as { n: number }).n;
  }

  /** SQLite's count of commits by other connections to this file: what the agenda's zone snapshot is checked against. */
  dataVersion(): number {
    return (prepared(this.db, 'PRAGMA data_version').get() as { data_version: number }).data_version;
  }

  userNames(): Map<string, string> {
    return new Map((prepared(this.db, 'SELECT id, full_name FROM users').all() as { id: string; full_name: string }[]).map((u) => [u.id, u.full_name]));
  }

  /** Operators of the given appointments (active links only unless `all`). */
  operators(appointmentIds: readonly string[], all = false): OperatorLink[] {
    if (appointmentIds.length === 0) return [];
    // Names come from one small query rather than a join per link: the week view reads hundreds of links.
    const names = new Map((this.db.prepare('SELECT id, full_name FROM users').all() as { id: string; full_name: string }[]).map((u) => [u.id, u.full_name]));
    const links = this.db
      .prepare(
        `SELECT o.id, o.appointment_id, o.user_id, o.inizio, o.attivo FROM appointment_operators o
         WHERE o.appointment_id IN (SELECT value FROM json_each(?))${all ? '' : ' AND o.attivo = 1'}`,
      )
      .all(JSON.stringify(appointmentIds)) as Omit<OperatorLink, 'full_name'>[];
    return links.map((l) => ({ ...l, full_name: names.get(l.user_id) ?? '' })).sort((a, b) => (a.full_name < b.full_name ? -1 : a.full_name > b.full_name ? 1 : 0));
  }

  override(seriesId: string, date: string): AppointmentRow | null {
    return (this.db.prepare('SELECT * FROM appointments WHERE series_id = ? AND original_date = ?').get(seriesId, date) as AppointmentRow | undefined) ?? null;
  }

  orari(): SedeOrarioRow[] {
    return prepared(this.db, 'SELECT * FROM sede_orari ORDER BY sede_id, giorno').all() as SedeOrarioRow[];
  }

  patroni(): PatronRow[] {
    return prepared(this.db, 'SELECT * FROM comuni_patroni').all() as PatronRow[];
  }

  /** Staff who can be put on an appointment: active accounts. */
  activeUsers(): Pick<RowOf<'users'>, 'id' | 'full_name' | 'profile' | 'sede_id'>[] {
    return this.db.prepare('SELECT id, full_name, profile, sede_id FROM users WHERE disabled = 0 ORDER BY full_name COLLATE NOCASE').all() as Pick<
      RowOf<'users'>,
      'id' | 'full_name' | 'profile' | 'sede_id'
    >[];
  }
}
