import { AREE, ESITI_OBIETTIVO, PROBLEMATICHE, STATI, TERMINI, type Area, type EsitoObiettivo, type Problematica } from '../../../../shared/domain/cartella';
import { AppError } from '../../../../shared/domain/errors';
import { formatEuroCents } from '../../../../shared/domain/money';
import { PROFILE_LABELS } from '../../../../shared/domain/permissions';
import type { SubjectKind } from '../../../../shared/domain/letters';
import type { CaseRow } from '../../db/repositories/cases.repo';
import type { PersonRow } from '../../db/repositories/persons.repo';
import type { PlaceNames } from '../persons/place-names';
import { today, type WorkContext } from '../work-context';
import type { RecipientBlock } from './layout';
import { appointmentGroup, withComune } from './record-appointment';
import { tirocinioGroup } from './record-tirocinio';
import { ScopeBuilder } from './scope';

/** The record a letter is printed from, as the channel names it. */
export interface SubjectInput {
  personId?: string | undefined;
  caseId?: string | undefined;
  appointmentId?: string | undefined;
  tirocinioId?: string | undefined;
  occurrenceDate?: string | undefined;
  mese?: string | undefined;
}

/** Everything read for one letter: the scope, whose letter it is, where it is filed, where it goes. */
export interface LetterData {
  kind: SubjectKind;
  subjectId: string;
  /** The appointment's occurrence date or the registro's month, as asked ('' when not given). */
  subjectDate: string;
  personId: string;
  caseId: string | null;
  caseNumero: string | null;
  scope: ScopeBuilder;
  /** The person's address for the envelope window; null when the person has none. */
  recipient: RecipientBlock | null;
  sedeId: string | null;
  /** An appointment's own facts the batch needs (state, time). */
  appointment: { stato: string; ora: string } | null;
}

export function subjectOf(input: SubjectInput): { kind: SubjectKind; id: string } {
  if (input.appointmentId) return { kind: 'appuntamento', id: input.appointmentId };
  if (input.tirocinioId) return { kind: 'tirocinio', id: input.tirocinioId };
  if (input.caseId) return { kind: 'cartella', id: input.caseId };
  if (input.personId) return { kind: 'persona', id: input.personId };
  throw new AppError('VALIDATION', 'Indica la persona, la cartella, l’appuntamento o il tirocinio per cui stampare.');
}

/** Read the record and the zone into a scope. The router has already checked the caller's right to the record. */
export function readLetterData(ctx: WorkContext, places: PlaceNames, input: SubjectInput): LetterData {
  const { store } = ctx;
  const subject = subjectOf(input);
  const scope = new ScopeBuilder(subject.kind);
  let personId: string | null = null;
  let caseId: string | null = null;
  let sedeId: string | null = null;
  let appointment: LetterData['appointment'] = null;
  if (subject.kind === 'persona') {
    personId = subject.id;
    caseId = store.documents.latestOpenCaseOf(subject.id);
  } else if (subject.kind === 'cartella') {
    const row = store.cases.byId(subject.id);
    if (!row) throw new AppError('NOT_FOUND', 'Cartella non trovata.');
    personId = row.person_id;
    caseId = row.id;
  } else if (subject.kind === 'appuntamento') {
    const read = appointmentGroup(ctx, places, subject.id, input.occurrenceDate ?? null);
    scope.set('appuntamento', read.values);
    if (!read.personId) throw new AppError('VALIDATION', 'Questo appuntamento non è con una persona: non c’è nessuno da convocare.');
    personId = read.personId;
    caseId = read.caseId ?? store.documents.latestOpenCaseOf(read.personId);
    sedeId = read.sedeId;
    appointment = { stato: read.stato, ora: read.ora };
  } else {
    const read = tirocinioGroup(ctx, places, subject.id, input.mese ?? null);
    scope.set('tirocinio', read.values);
    personId = read.personId;
    caseId = read.caseId;
  }
  const person = store.persons.byId(personId);
  if (!person) throw new AppError('NOT_FOUND', 'Persona non trovata.');
  const caseRow = caseId ? store.cases.byId(caseId) : null;
  scope.set('persona', personValues(ctx, places, person));
  if (caseRow) {
    scope.set('cartella', caseValues(ctx, places, caseRow));
    paiGroup(ctx, scope, caseRow.id);
    sedeId ??= caseRow.sede_id;
  } else {
    scope.unavailable('cartella', 'la persona non ha una cartella aperta');
    scope.unavailable('pai', 'la persona non ha una cartella aperta');
  }
  iseeGroup(ctx, scope, person.id);
  zoneGroups(ctx, places, scope, sedeId);
  return {
    kind: subject.kind,
    subjectId: subject.id,
    subjectDate: (subject.kind === 'appuntamento' ? input.occurrenceDate : subject.kind === 'tirocinio' ? input.mese : undefined) ?? '',
    personId: person.id,
    caseId: caseRow?.id ?? null,
    caseNumero: caseRow?.numero ?? null,
    scope,
    recipient: recipientOf(ctx, places, person),
    sedeId,
    appointment,
  };
}

function comuneLabel(ctx: WorkContext, places: PlaceNames, istat: string | null): { nome: string; provincia: string } {
  if (!istat) return { nome: '', provincia: '' };
  const zone = ctx.store.zone.get().comuni.find((c) => c.istat === istat);
  return { nome: zone?.nome ?? places.byIstat(istat) ?? '', provincia: zone?.provincia ?? '' };
}

function personValues(ctx: WorkContext, places: PlaceNames, p: PersonRow) {
  const comune = comuneLabel(ctx, places, p.residenza_comune_istat);
  return {
    cognome: p.cognome,
    nome: p.nome,
    nome_completo: `${p.nome} ${p.cognome}`.trim(),
    codice_fiscale: p.codice_fiscale,
    data_nascita: p.data_nascita,
    luogo_nascita: p.luogo_nascita ? places.byBelfiore(p.luogo_nascita) : null,
    nato: p.sesso === 'F' ? 'nata' : 'nato',
    saluto: p.sesso === 'F' ? 'Gentile signora' : p.sesso === 'M' ? 'Gentile signor' : 'Gentile',
    cittadinanza: p.cittadinanza ? places.byBelfiore(p.cittadinanza) : null,
    indirizzo: p.residenza_indirizzo,
    comune: comune.nome,
    provincia: comune.provincia,
    domicilio: p.domicilio,
    telefono: p.telefono,
    email: p.email,
    titolo_studio: p.titolo_studio,
    condizione_lavorativa: p.condizione_lavorativa,
    tutore: p.tutore,
    permesso_soggiorno: p.permesso_soggiorno,
    invalidita: p.invalidita,
    legge_104: p.legge_104 === 1 ? 'Sì' : 'No',
  };
}

/** The envelope address: the domicilio when given (where the person lives), else the residence. */
function recipientOf(ctx: WorkContext, places: PlaceNames, p: PersonRow): RecipientBlock | null {
  const nome = `${p.nome} ${p.cognome}`.trim();
  if (p.domicilio.trim())
    return {
      nome,
      righe: p.domicilio
        .split(/\n|,\s*(?=\d{5}\b)/)
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 4),
    };
  if (!p.residenza_indirizzo.trim()) return null;
  const comune = comuneLabel(ctx, places, p.residenza_comune_istat);
  // Addresses are often typed with the comune at the end ("Via Roma 1, Narni"): not twice.
  const via = comune.nome ? p.residenza_indirizzo.replace(new RegExp(`,\\s*${comune.nome.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`, 'i'), '') : p.residenza_indirizzo;
  const righe = [via.trim()];
  if (comune.nome) righe.push(comune.provincia ? `${comune.nome} (${comune.provincia})` : comune.nome);
  return { nome, righe };
}

function caseValues(ctx: WorkContext, places: PlaceNames, c: CaseRow) {
  const { store } = ctx;
  const responsabile = store.cases.operators(c.id).find((o) => o.ruolo === 'responsabile' && (o.al === null || o.al >= today(ctx)));
  const user = responsabile ? store.users.byId(responsabile.user_id) : null;
  const sede = store.zone.sede(c.sede_id);
  const closing =
    c.stato === 'chiuso'
      ? store.cases
          .statusHistory(c.id)
          .filter((h) => h.stato === 'chiuso')
          .at(-1)
      : undefined;
  const problematiche = (JSON.parse(c.problematiche || '[]') as Problematica[]).map((code) => PROBLEMATICHE[code] ?? code);
  return {
    numero: c.numero,
    stato: STATI[c.stato],
    aperta_il: c.aperta_il,
    chiusa_il: c.chiusa_il,
    motivo_chiusura: closing?.motivo ?? null,
    area: AREE[c.area as Area]?.label ?? c.area,
    problematiche: problematiche.join(', '),
    operatore: responsabile?.full_name ?? null,
    operatore_profilo: user ? PROFILE_LABELS[user.profile] : null,
    sede: sede?.nome ?? null,
    sede_indirizzo: sede ? withComune(sede.indirizzo, comuneLabel(ctx, places, sede.comuneIstat).nome) : null,
    sede_telefono: sede?.telefono ?? null,
  };
}

function paiGroup(ctx: WorkContext, scope: ScopeBuilder, caseId: string): void {
  const pai = ctx.store.content
    .pai(caseId)
    .filter((p) => p.stato === 'attivo')
    .sort((a, b) => (a.data_avvio < b.data_avvio ? 1 : -1))[0];
  if (!pai) {
    scope.unavailable('pai', 'la cartella non ha un PAI attivo');
    return;
  }
  const obiettivi = ctx.store.content.objectives([pai.id]).map((o) => ({
    termine: TERMINI[o.termine] ?? o.termine,
    descrizione: o.descrizione,
    esito: ESITI_OBIETTIVO[o.esito as EsitoObiettivo] ?? o.esito,
  }));
  scope.set('pai', { data_avvio: pai.data_avvio, revisione_mesi: String(pai.revisione_mesi), prossima_revisione: pai.prossima_revisione, note: pai.note, obiettivi });
}

function iseeGroup(ctx: WorkContext, scope: ScopeBuilder, personId: string): void {
  const isee = ctx.store.isee.byPerson(personId)[0];
  if (!isee) {
    scope.unavailable('isee', 'nessun ISEE registrato per la persona');
    return;
  }
  scope.set('isee', { valore: formatEuroCents(isee.isee_cents), anno: String(isee.anno), scadenza: isee.scadenza });
}

function zoneGroups(ctx: WorkContext, places: PlaceNames, scope: ScopeBuilder, sedeId: string | null): void {
  const { store } = ctx;
  const zone = store.zone.get();
  scope.set('zona', {
    nome: zone.nome,
    ente: zone.ente,
    intestazione: zone.letterhead.intestazione,
    sottotitolo: zone.letterhead.sottotitolo,
    indirizzo: zone.letterhead.indirizzo,
    contatti: zone.letterhead.contatti,
  });
  const user = store.users.byId(ctx.userId);
  scope.set('operatore', { nome: user?.fullName ?? null, profilo: user ? PROFILE_LABELS[user.profile] : null });
  const sede = store.zone.sede(sedeId ?? user?.sedeId ?? '') ?? zone.sedi[0] ?? null;
  const luogo = sede ? comuneLabel(ctx, places, sede.comuneIstat).nome || sede.nome : '';
  scope.set('documento', { data: today(ctx), luogo, protocollo: PROTOCOL_PLACEHOLDER });
}

/** Printed before the Comune's register gives the number: the space to write it by hand (never an invented number). */
export const PROTOCOL_PLACEHOLDER = 'n. ______________ del ______________';

/** «Narni, martedì 3 marzo 2026»: where and when the letter is written. */
export function placeAndDate(scope: Record<string, unknown>, longDate: (iso: string) => string): string {
  const doc = scope.documento as { luogo: unknown; data: unknown };
  const luogo = typeof doc.luogo === 'string' ? doc.luogo : '';
  const data = typeof doc.data === 'string' ? longDate(doc.data) : '';
  return luogo ? `${luogo}, ${data}` : data;
}
