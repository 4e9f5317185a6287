import { AppointmentInput } from '../../../shared/contracts/agenda';
import type { OccurrenceData } from '../../../shared/contracts/agenda';
import type { AppointmentTipo } from '../../../shared/domain/agenda';
import { isValidIsoDate } from '../../../shared/domain/dates';
import { fieldMessages } from '../../../shared/contracts/issues';
import { buildRule, ruleEnd, withEnd, type Frequency, type SeriesEnd } from '../../../shared/domain/recurrence';
import { api } from '../../api/client';
import { agendaChanged } from './store';

export interface Draft {
  id?: string;
  scope: 'serie' | 'occorrenza';
  occurrenceDate: string | null;
  tipo: AppointmentTipo;
  sedeId: string;
  roomId: string;
  comuneIstat: string;
  indirizzo: string;
  operatorIds: string[];
  personId: string | null;
  personLabel: string;
  caseId: string | null;
  date: string;
  from: string;
  to: string;
  freq: Frequency;
  rrule: string;
  /** How a repeating appointment ends: never, after N times, on a day. */
  ends: SeriesEnd;
  note: string;
}

export function draftFromOccurrence(o: OccurrenceData, scope: 'serie' | 'occorrenza'): Draft {
  return {
    id: o.appointmentId,
    scope,
    occurrenceDate: o.rrule ? o.occurrenceDate : null,
    tipo: o.tipo,
    sedeId: o.sedeId ?? '',
    roomId: o.roomId ?? '',
    comuneIstat: o.comuneIstat ?? '',
    indirizzo: o.indirizzo,
    operatorIds: o.operators.map((x) => x.id),
    personId: o.personId,
    personLabel: o.personName ?? '',
    caseId: o.caseId,
    date: o.start.slice(0, 10),
    from: o.start.slice(11, 16),
    to: o.end.slice(11, 16),
    freq: 'none',
    rrule: scope === 'serie' ? o.rrule : '',
    ends: scope === 'serie' ? ruleEnd(o.rrule) : { kind: 'mai' },
    note: o.note,
  };
}

export function toInput(d: Draft, confirm: boolean) {
  const rrule = withEnd(d.freq === 'none' ? d.rrule : buildRule(d.freq, `${d.date}T${d.from}`), d.ends);
  return {
    ...(d.id ? { id: d.id } : {}),
    scope: d.scope,
    occurrenceDate: d.occurrenceDate,
    tipo: d.tipo,
    sedeId: d.sedeId || null,
    roomId: d.roomId || null,
    comuneIstat: d.comuneIstat || null,
    indirizzo: d.indirizzo,
    operatorIds: d.operatorIds,
    personId: d.personId,
    caseId: d.caseId,
    start: `${d.date}T${d.from}`,
    end: `${d.date}T${d.to}`,
    rrule,
    note: d.note,
    confermaConflitti: confirm,
  };
}

/** Save a draft: the core answers with conflicts first, and only a confirmed save goes over them. */
export async function saveDraft(d: Draft, confirm: boolean) {
  const result = await api.call('agenda.save', toInput(d, confirm));
  if (result.saved) agendaChanged();
  return result;
}

/** The contract's own checks, run while the form is filled: field → Italian message. */
export function draftProblems(d: Draft): Record<string, string> {
  const parsed = AppointmentInput.safeParse(toInput(d, false));
  const out = parsed.success ? {} : fieldMessages(parsed.error);
  const repeats = d.freq !== 'none' || d.rrule !== '';
  if (repeats && d.ends.kind === 'il' && !isValidIsoDate(d.ends.until)) out.rrule = 'Termina il giorno: indica una data valida (gg/mm/aaaa).';
  if (repeats && d.ends.kind === 'dopo' && !(Number.isInteger(d.ends.count) && d.ends.count >= 1 && d.ends.count <= 999))
    out.rrule = 'Termina dopo: indica quante volte, da 1 a 999.';
  return out;
}

/** A new appointment of one hour on `date` at `from`, for the given operators, sede and person. */
export function emptyDraft(p: {
  date: string;
  from: string;
  to: string;
  operatorIds: string[];
  sedeId?: string;
  roomId?: string;
  personId?: string | null;
  personLabel?: string;
  caseId?: string | null;
}): Draft {
  return {
    scope: 'serie',
    occurrenceDate: null,
    tipo: 'colloquio',
    sedeId: p.sedeId ?? '',
    roomId: p.roomId ?? '',
    comuneIstat: '',
    indirizzo: '',
    operatorIds: p.operatorIds,
    personId: p.personId ?? null,
    personLabel: p.personLabel ?? '',
    caseId: p.caseId ?? null,
    date: p.date,
    from: p.from,
    to: p.to,
    freq: 'none',
    rrule: '',
    ends: { kind: 'mai' },
    note: '',
  };
}
