import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { DIARY_TYPES, STATI, type Area, type EsitoObiettivo, type Problematica, type StatoCartella } from '../../../../shared/domain/cartella';
import { formatItalianDate } from '../../../../shared/domain/dates';
import type { CaseRow } from '../../db/repositories/cases.repo';
import { PDF_ACTIVE_WARNING } from '../../files/pdf-active';
import { today, type WorkContext } from '../work-context';
import type { CaseAccess } from './case-access';
import { toDiaryEntry } from './diary-entry';
import { PendingAction } from '../users/account-notices';
import { aLuogo } from '../../../../shared/domain/italian';

type TimelineItem = CaseDetailData['timeline'][number];

/** The whole case page, as the user may see it: riservato notes without text unless allowed. */
export function buildCaseDetail(ctx: WorkContext, row: CaseRow, access: CaseAccess): CaseDetailData {
  const { store } = ctx;
  const t = today(ctx);
  const person = store.persons.byId(row.person_id);
  if (!person) throw new Error(`Case ${row.id} without person`);
  const named = store.content.namedUsers(row.id);
  const namedBy = (entryId: string) => named.filter((n) => n.entry_id === entryId);

  // A former operator keeps, where the zone allows it, only what he wrote himself.
  const former = access.kind === 'former';
  const mine = <T extends { autore_id: string }>(rows: T[]) => (former ? rows.filter((r) => r.autore_id === ctx.userId) : rows);
  const diary = mine(store.content.diary(row.id)).map((d) => toDiaryEntry(ctx, d, namedBy(d.id), access));

  const paiRows = former ? [] : store.content.pai(row.id);
  const objectives = store.content.objectives(paiRows.map((p) => p.id));
  const pai = paiRows.map((p) => ({
    id: p.id,
    dataAvvio: p.data_avvio,
    revisioneMesi: p.revisione_mesi,
    prossimaRevisione: p.prossima_revisione,
    stato: p.stato,
    chiusoIl: p.chiuso_il,
    note: p.note,
    revisioneScaduta: p.stato === 'attivo' && p.prossima_revisione < t,
    obiettivi: objectives
      .filter((o) => o.pai_id === p.id)
      .map((o) => ({ id: o.id, termine: o.termine, descrizione: o.descrizione, esito: o.esito as EsitoObiettivo, esitoNote: o.esito_note })),
  }));

  const deliveries = former ? [] : store.content.deliveries(row.id);
  const interventions = (former ? [] : store.content.interventions(row.id)).map((i) => ({
    id: i.id,
    prestazioneCodice: i.prestazione_codice,
    descrizione: i.descrizione,
    dataInizio: i.data_inizio,
    dataFine: i.data_fine,
    importoCents: i.importo_cents,
    quotaEnteCents: i.quota_ente_cents,
    quotaUtenteCents: i.quota_utente_cents,
    oreMensili: i.ore_mensili,
    stato: i.stato,
    erogazioni: deliveries
      .filter((d) => d.intervention_id === i.id)
      .map((d) => ({
        id: d.id,
        data: d.data,
        importoCents: d.importo_cents,
        quotaEnteCents: d.quota_ente_cents,
        quotaUtenteCents: d.quota_utente_cents,
        ore: d.ore,
        note: d.note,
      })),
  }));

  const attachmentRows = mine(store.content.attachments(row.id));
  const history = store.cases.statusHistory(row.id);
  const operators = store.cases.operators(row.id);
  const accessi = store.accessi.byCase(row.id);

  const timeline: TimelineItem[] = [
    ...history.map((h) => ({ at: h.data, kind: 'stato' as const, label: `Stato: ${STATI[h.stato as StatoCartella]}${h.motivo ? ` (${h.motivo})` : ''}` })),
    ...operators.map((o) => ({
      at: o.dal,
      kind: 'operatore' as const,
      label: `${o.ruolo === 'responsabile' ? 'Responsabile' : 'Co-operatore'}: ${o.full_name}${o.al ? ` fino al ${formatItalianDate(o.al)}` : ''}`,
    })),
    ...diary.map((d) => ({ at: d.data, kind: 'diario' as const, label: `${DIARY_TYPES[d.tipo]}${d.riservato ? ' (riservata)' : ''} - ${d.autore}` })),
    ...pai.flatMap((p) => [
      { at: p.dataAvvio, kind: 'pai' as const, label: `PAI avviato (${p.obiettivi.length} obiettivi)` },
      ...(p.chiusoIl ? [{ at: p.chiusoIl, kind: 'pai' as const, label: 'PAI chiuso' }] : []),
    ]),
    ...interventions.map((i) => ({ at: i.dataInizio, kind: 'intervento' as const, label: `Intervento ${i.prestazioneCodice}: ${i.descrizione}` })),
    ...deliveries.map((d) => ({ at: d.data, kind: 'erogazione' as const, label: 'Erogazione registrata' })),
    ...attachmentRows.map((a) => ({ at: a.created_at.slice(0, 10), kind: 'allegato' as const, label: `Allegato: ${a.nome}` })),
    ...accessi.map((a) => ({ at: a.data, kind: 'accesso' as const, label: `Accesso ${aLuogo(a.sede_nome)}: ${a.motivo}` })),
  ].sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const detail: CaseDetailData = {
    id: row.id,
    numero: row.numero,
    sedeId: row.sede_id,
    sedeNome: row.sede_nome,
    area: row.area as Area,
    problematiche: JSON.parse(row.problematiche) as Problematica[],
    stato: row.stato,
    apertaIl: row.aperta_il,
    chiusaIl: row.chiusa_il,
    archiviata: row.archiviata === 1,
    person: { id: person.id, cognome: person.cognome, nome: person.nome, codiceFiscale: person.codice_fiscale ?? '', dataNascita: person.data_nascita, sesso: person.sesso },
    statusHistory: history.map((h) => ({ stato: h.stato as StatoCartella, data: h.data, motivo: h.motivo, utente: h.utente })),
    operators: operators.map((o) => ({ id: o.id, userId: o.user_id, fullName: o.full_name, ruolo: o.ruolo, dal: o.dal, al: o.al })),
    inAttesa: store.notices.pendingAssignments(row.id).flatMap((n) => {
      const action = PendingAction.safeParse(JSON.parse(n.azione));
      return action.success && action.data.kind === 'assign' ? [{ fullName: n.utente, ruolo: action.data.ruolo, dal: action.data.dal }] : [];
    }),
    diary,
    pai,
    interventions,
    attachments: attachmentRows.map((a) => ({
      id: a.id,
      nome: a.nome,
      tipo: a.tipo,
      dimensione: a.dimensione,
      descrizione: a.descrizione,
      autore: a.autore,
      createdAt: a.created_at,
      avviso: a.contenuto_attivo === 1 ? PDF_ACTIVE_WARNING : '',
    })),
    timeline,
    emergenza: access.kind === 'emergency',
  };
  if (!former) return detail;
  // A former operator reads only what he wrote: no problematiche, reasons, codes or others' history.
  return {
    ...detail,
    problematiche: [],
    person: { ...detail.person, codiceFiscale: '', dataNascita: null, sesso: null },
    statusHistory: detail.statusHistory.map((h) => ({ ...h, motivo: '' })),
    timeline: detail.timeline.filter((t) => t.kind === 'diario' || t.kind === 'allegato'),
  };
}
