import type { Db } from '../open';
import type { RowOf } from '../schema';
import { prepared } from '../statements';

export type AppointmentRow = RowOf<'appointments'>;

/** A row with the names the agenda shows, joined once instead of looked up per row. */
export interface AppointmentView extends AppointmentRow {
  person_cognome: string | null;
  person_nome: string | null;
  case_numero: string | null;
  /** Active operators' user ids, comma-separated, read with the row (one query per window). */
  operator_ids: string | null;
}

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

const VIEW = `SELECT a.*, p.cognome AS person_cognome, p.nome AS person_nome, c.numero AS case_numero,
    (SELECT group_concat(o.user_id) FROM appointment_operators o WHERE o.appointment_id = a.id AND o.attivo = 1) AS operator_ids
  FROM appointments a LEFT JOIN persons p ON p.id = a.person_id LEFT JOIN cases c ON c.id = a.case_id`;

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
  window(from: string, to: string, f: WindowFilter): AppointmentView[] {
    const lo = `${from}T00:00`;
    const hi = `${to}T00:00`;
    let singles: AppointmentView[];
    if (f.roomId) {
      singles = prepared(this.db, `${VIEW} WHERE a.room_id = ? AND a.inizio >= ? AND a.inizio < ? AND a.rrule = ''`).all(f.roomId, lo, hi) as AppointmentView[];
    } else if (f.userIds.length > 0) {
      singles = prepared(
        this.db,
        `${VIEW} WHERE a.id IN (SELECT o.appointment_id FROM appointment_operators o
             WHERE o.user_id IN (SELECT value FROM json_each(?)) AND o.attivo = 1 AND o.inizio >= ? AND o.inizio < ?) AND a.rrule = ''`,
      ).all(JSON.stringify(f.userIds), lo, hi) as AppointmentView[];
    } else if (f.sedeId) {
      singles = prepared(this.db, `${VIEW} WHERE a.sede_id = ? AND a.inizio >= ? AND a.inizio < ? AND a.rrule = ''`).all(f.sedeId, lo, hi) as AppointmentView[];
    } else {
      singles = prepared(this.db, `${VIEW} WHERE a.inizio >= ? AND a.inizio < ? AND a.rrule = ''`).all(lo, hi) as AppointmentView[];
    }
    const series = prepared(this.db, `${VIEW} WHERE a.rrule <> '' AND a.series_until >= ? AND a.inizio < ?`).all(from, hi) as AppointmentView[];
    return singles.concat(series);
  }

  forCase(caseId: string): AppointmentView[] {
    return this.db.prepare(`${VIEW} WHERE a.case_id = ? ORDER BY a.inizio`).all(caseId) as AppointmentView[];
  }

  countAssenze(caseId: string): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM appointments WHERE case_id = ? AND stato = 'assente'`).get(caseId) as { n: number }).n;
  }

  /** Operators of the given appointments (active links only unless `all`). */
  userNames(): Map<string, string> {
    return new Map((prepared(this.db, 'SELECT id, full_name FROM users').all() as { id: string; full_name: string }[]).map((u) => [u.id, u.full_name]));
  }

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
