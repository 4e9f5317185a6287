import fc from 'fast-check';
import { contract, type Channel, type InputOf, type ParsedInputOf } from '../../shared/contracts';
import { AREA_CODES } from '../../shared/domain/cartella';
import { AppError } from '../../shared/domain/errors';
import { AgendaService } from '../../electron/core/services/agenda/agenda.service';
import { CasesService } from '../../electron/core/services/cases/cases.service';
import { DiaryService } from '../../electron/core/services/cases/diary.service';
import { PersonsService } from '../../electron/core/services/persons/persons.service';
import { TirociniService } from '../../electron/core/services/sal/tirocini.service';
import { prepared } from '../../electron/core/db/statements';
import { TODAY } from './cartella-fixtures';
import type { Replica, Template } from './sync-replicas';

/**
 * The operations of the convergence property, as plain data (so fast-check can print, shrink and
 * replay them), and what each does: a form saved through the real service, or something that
 * happens to the network or to a workstation.
 */
export type Op =
  | { k: 'person.edit'; at: number; pick: number; field: PersonField; value: string }
  | { k: 'person.create'; at: number; value: string }
  | { k: 'case.area'; at: number; pick: number; area: number }
  | { k: 'case.open'; at: number; pick: number; area: number }
  | { k: 'diary.create'; at: number; pick: number; value: string }
  | { k: 'diary.edit'; at: number; pick: number; value: string }
  | { k: 'agenda.note'; at: number; pick: number; value: string }
  | { k: 'agenda.create'; at: number; hour: number }
  | { k: 'tirocinio.edit'; at: number; pick: number; field: 'mansione' | 'obiettivi'; value: string }
  | { k: 'sync'; at: number }
  | { k: 'deliver'; from: number; to: number; pick: number; copy: boolean }
  | { k: 'partition'; cut: number }
  | { k: 'restart'; at: number }
  /** Switched off in the middle of a sync: after a segment was written, or after one was applied. */
  | { k: 'crash'; at: number; point: 'send' | 'apply' };

const PERSON_FIELDS = { telefono: 'telefono', email: 'email', domicilio: 'domicilio', residenzaIndirizzo: 'residenza_indirizzo' } as const;
type PersonField = keyof typeof PERSON_FIELDS;

/** Few distinct values, so two sedi often write the same one (equal values are no conflict). */
const text = fc.tuple(fc.constantFrom('Via Garibaldi', '0744 715123', 'Nicolò D’Annunzio', 'città', '  spazi  '), fc.nat(3)).map(([w, n]) => `${w} ${n}`);
const at = fc.nat(2);
const pick = fc.nat(20);

export const operation: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ k: fc.constant('person.edit' as const), at, pick, field: fc.constantFrom(...(Object.keys(PERSON_FIELDS) as PersonField[])), value: text }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('person.create' as const), at, value: text }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('case.area' as const), at, pick, area: fc.nat(AREA_CODES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('case.open' as const), at, pick, area: fc.nat(AREA_CODES.length - 1) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('diary.create' as const), at, pick, value: text }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('diary.edit' as const), at, pick, value: text }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('agenda.note' as const), at, pick, value: text }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('agenda.create' as const), at, hour: fc.integer({ min: 8, max: 17 }) }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('tirocinio.edit' as const), at, pick, field: fc.constantFrom('mansione' as const, 'obiettivi' as const), value: text }) },
  { weight: 4, arbitrary: fc.record({ k: fc.constant('sync' as const), at }) },
  { weight: 5, arbitrary: fc.record({ k: fc.constant('deliver' as const), from: at, to: at, pick, copy: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('partition' as const), cut: fc.nat(7) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('restart' as const), at }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('crash' as const), at, point: fc.constantFrom('send' as const, 'apply' as const) }) },
);

/** One cell a service acknowledged writing: the value, as the change log holds it (JSON). */
export interface Written {
  tbl: string;
  row: string;
  col: string;
  value: string;
}

const PLACES = { byBelfiore: () => null, byIstat: () => null };

function parse<C extends Channel>(channel: C, input: InputOf<C>): ParsedInputOf<C> {
  return contract[channel].input.parse(input) as ParsedInputOf<C>;
}

function ids(r: Replica, table: string): string[] {
  return (prepared(r.store.db, `SELECT id FROM ${table} ORDER BY id`).all() as { id: string }[]).map((x) => x.id);
}

function row(r: Replica, table: string, id: string): Record<string, string | number | null> {
  return prepared(r.store.db, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Record<string, string | number | null>;
}

/** The cells of `patch` that differ from the row as this replica holds it: what the writer will log. */
function changed(r: Replica, tbl: string, id: string, patch: Record<string, string | number | null>): Written[] {
  const current = row(r, tbl, id);
  return Object.entries(patch)
    .filter(([col, v]) => current[col] !== v)
    .map(([col, v]) => ({ tbl, row: id, col, value: JSON.stringify(v) }));
}

function personInput(p: Record<string, string | number | null>): InputOf<'persons.create'> {
  return {
    cognome: String(p.cognome),
    nome: String(p.nome),
    codiceFiscale: String(p.codice_fiscale ?? ''),
    sesso: p.sesso as 'M' | 'F' | null,
    dataNascita: p.data_nascita as string | null,
    luogoNascita: p.luogo_nascita as string | null,
    cittadinanza: p.cittadinanza as string | null,
    cittadinanza2: p.cittadinanza2 as string | null,
    residenzaComuneIstat: p.residenza_comune_istat as string | null,
    residenzaIndirizzo: String(p.residenza_indirizzo),
    domicilio: String(p.domicilio),
    telefono: String(p.telefono),
    email: String(p.email),
    titoloStudio: String(p.titolo_studio),
    condizioneLavorativa: String(p.condizione_lavorativa),
    permessoSoggiorno: String(p.permesso_soggiorno),
    invalidita: String(p.invalidita),
    legge104: p.legge_104 === 1,
    tutore: String(p.tutore),
  };
}

function appointmentInput(a: Record<string, string | number | null>, t: Template): InputOf<'agenda.save'> {
  return {
    id: String(a.id),
    tipo: a.tipo as 'colloquio',
    sedeId: a.sede_id as string | null,
    roomId: a.room_id as string | null,
    comuneIstat: a.comune_istat as string | null,
    indirizzo: String(a.indirizzo),
    operatorIds: [t.users.as.id],
    personId: a.person_id as string | null,
    caseId: a.case_id as string | null,
    start: String(a.inizio),
    end: String(a.fine),
    rrule: '',
    note: String(a.note),
    confermaConflitti: true,
  };
}

/**
 * A form saved at one replica through its service. Returns the cells the service acknowledged
 * (empty when it refused: a refusal is an answer, not a lost write); any other error is a bug.
 */
export function runService(op: Op, r: Replica, t: Template): Written[] {
  const nth = (list: string[], n: number) => (list.length === 0 ? null : list[n % list.length]!);
  try {
    switch (op.k) {
      case 'person.edit': {
        const id = nth(ids(r, 'persons'), op.pick)!;
        const value = op.field === 'email' ? `${op.value.replace(/[^a-z0-9]/gi, '').toLowerCase()}@example.it` : op.value;
        const input = parse('persons.update', { ...personInput(row(r, 'persons', id)), id, [op.field]: value });
        const col = PERSON_FIELDS[op.field];
        const cells = changed(r, 'persons', id, { [col]: input[op.field] });
        new PersonsService(r.ctx('as'), PLACES).update(input);
        return cells;
      }
      case 'person.create': {
        // Without a codice fiscale: the same one registered at two sedi while apart collides on
        // its unique root when they sync, the same open problem as case numbers (not generated).
        const input = parse('persons.create', { ...personInput(row(r, 'persons', ids(r, 'persons')[0]!)), codiceFiscale: '', cognome: 'Nuova', nome: op.value });
        const id = new PersonsService(r.ctx('as'), PLACES).create(input).person.id;
        return [{ tbl: 'persons', row: id, col: 'nome', value: JSON.stringify(input.nome) }];
      }
      case 'case.area': {
        const id = nth(ids(r, 'cases'), op.pick)!;
        const input = parse('cases.update', { id, area: AREA_CODES[op.area]!, problematiche: [] });
        const cells = changed(r, 'cases', id, { area: input.area });
        new CasesService(r.ctx('as')).update(input);
        return cells;
      }
      case 'case.open': {
        // Each sede numbers its own cases: replica 0 opens them at Narni, 1 at Amelia, 2 (an
        // outreach laptop) none. Two workstations numbering at one sede while apart mint the same
        // number, and the second case can never be inserted elsewhere: an open problem (see
        // the note of this test's branch), not generated here.
        const sedeId = op.at === 0 ? t.sedi.narni : op.at === 1 ? t.sedi.amelia : null;
        if (!sedeId) return [];
        const personId = nth(ids(r, 'persons'), op.pick)!;
        const input = parse('cases.open', { personId, sedeId, area: AREA_CODES[op.area]!, problematiche: [], apertaIl: TODAY });
        const { caseId } = new CasesService(r.ctx('as')).open(input);
        return [{ tbl: 'cases', row: caseId, col: 'area', value: JSON.stringify(input.area) }];
      }
      case 'diary.create': {
        const caseId = nth(ids(r, 'cases'), op.pick)!;
        const input = parse('diary.create', {
          caseId,
          tipo: 'colloquio',
          data: TODAY,
          ora: '10:00',
          luogo: 'Narni',
          partecipanti: '',
          testo: op.value,
          riservato: false,
          nominati: [],
        });
        const before = new Set(ids(r, 'diary_entries'));
        new DiaryService(r.ctx('as')).create(input);
        const id = ids(r, 'diary_entries').find((d) => !before.has(d))!;
        return [{ tbl: 'diary_entries', row: id, col: 'testo', value: JSON.stringify(input.testo) }];
      }
      case 'diary.edit': {
        const id = nth(ids(r, 'diary_entries'), op.pick)!;
        const d = row(r, 'diary_entries', id);
        const input = parse('diary.update', {
          id,
          tipo: 'colloquio',
          data: String(d.data),
          ora: String(d.ora),
          luogo: String(d.luogo),
          partecipanti: String(d.partecipanti),
          testo: op.value,
          riservato: d.riservato === 1,
          nominati: [],
        });
        const cells = changed(r, 'diary_entries', id, { testo: input.testo });
        new DiaryService(r.ctx('as')).update(input);
        return cells;
      }
      case 'agenda.note': {
        const id = nth(ids(r, 'appointments'), op.pick)!;
        const input = parse('agenda.save', { ...appointmentInput(row(r, 'appointments', id), t), note: op.value });
        const cells = changed(r, 'appointments', id, { note: input.note });
        if (!new AgendaService(r.ctx('as')).save(input).saved) throw new Error('agenda.save did not save with confermaConflitti');
        return cells;
      }
      case 'agenda.create': {
        const hh = String(op.hour).padStart(2, '0');
        const input = parse('agenda.save', {
          tipo: 'colloquio',
          sedeId: t.sedi.narni,
          roomId: null,
          comuneIstat: null,
          indirizzo: '',
          operatorIds: [t.users.as.id],
          personId: null,
          caseId: null,
          start: `${TODAY}T${hh}:00`,
          end: `${TODAY}T${hh}:30`,
          rrule: '',
          note: `Alle ${hh}`,
          confermaConflitti: true,
        });
        const saved = new AgendaService(r.ctx('as')).save(input);
        return [{ tbl: 'appointments', row: saved.appointmentId!, col: 'note', value: JSON.stringify(input.note) }];
      }
      case 'tirocinio.edit': {
        const id = nth(ids(r, 'sal_tirocini'), op.pick)!;
        const input = parse('salTirocini.save', { id, fields: { ...t.tirocinioFields, ...currentTirocinio(r, id), [op.field]: op.value } });
        const cells = changed(r, 'sal_tirocini', id, { [op.field]: input.fields[op.field] });
        new TirociniService(r.ctx('sal')).save(input);
        return cells;
      }
      default:
        throw new Error(`not a service operation: ${op.k}`);
    }
  } catch (error) {
    if (error instanceof AppError) return [];
    throw error;
  }
}

/** The editable texts of a tirocinio as this replica holds them (the rest of the form is the template's). */
function currentTirocinio(r: Replica, id: string) {
  const x = row(r, 'sal_tirocini', id);
  return { mansione: String(x.mansione), obiettivi: String(x.obiettivi) };
}

export const isServiceOp = (op: Op): boolean => !['sync', 'deliver', 'partition', 'restart', 'crash'].includes(op.k);
