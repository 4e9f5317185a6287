import { APPOINTMENT_TIPO_LABELS } from '../../../../shared/domain/agenda';
import { addDays } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { wallDate } from '../../../../shared/domain/recurrence';
import { AgendaLookups } from '../agenda/agenda-lookups';
import { toOccurrences } from '../agenda/occurrences';
import type { PlaceNames } from '../persons/place-names';
import type { WorkContext } from '../work-context';
import type { GroupValues } from './scope';

/** An address with its comune, unless it names it already ("Piazza Matteotti 3 - 05022 Amelia (TR)"). */
export function withComune(indirizzo: string, comune: string): string {
  if (!comune || indirizzo.toLowerCase().includes(comune.toLowerCase())) return indirizzo;
  return [indirizzo, comune].filter(Boolean).join(', ');
}

export interface AppointmentRead {
  values: GroupValues;
  personId: string | null;
  caseId: string | null;
  sedeId: string | null;
  stato: string;
  ora: string;
}

/** An appointment (one occurrence of a series, when the date is given) in the words of a convocazione. */
export function appointmentGroup(ctx: WorkContext, places: PlaceNames, id: string, occurrenceDate: string | null, lookups = new AgendaLookups(ctx)): AppointmentRead {
  const row = ctx.store.agenda.byId(id);
  if (!row) throw new AppError('NOT_FOUND', 'Appuntamento non trovato.');
  const from = occurrenceDate ?? wallDate(row.inizio);
  const occ = toOccurrences(lookups, [row], lookups.operatorsByAppointment([id]), from, addDays(from, 1), [])[0];
  if (!occ) throw new AppError('NOT_FOUND', 'Appuntamento non trovato in quella data.');
  const sede = occ.sedeId ? ctx.store.zone.sede(occ.sedeId) : null;
  const sedeComune = sede ? (places.byIstat(sede.comuneIstat) ?? '') : '';
  const visita = occ.comuneNome && !occ.sedeId ? [occ.indirizzo, occ.comuneNome].filter(Boolean).join(', ') : '';
  const luogo = occ.sedeNome ? [`Ufficio della Cittadinanza, sede di ${occ.sedeNome}`, occ.roomNome].filter(Boolean).join(', ') : visita;
  return {
    values: {
      data: occ.start.slice(0, 10),
      ora: occ.start.slice(11, 16),
      ora_fine: occ.end.slice(11, 16),
      tipo: APPOINTMENT_TIPO_LABELS[occ.tipo],
      sede: occ.sedeNome,
      sede_indirizzo: sede ? withComune(sede.indirizzo, sedeComune) : null,
      sede_telefono: sede?.telefono ?? null,
      stanza: occ.roomNome,
      luogo,
      operatore: occ.operators.map((o) => o.fullName).join(', '),
    },
    personId: row.person_id,
    caseId: row.case_id,
    sedeId: occ.sedeId,
    stato: occ.stato,
    ora: occ.start.slice(11, 16),
  };
}
