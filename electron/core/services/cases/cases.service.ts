import type { CaseDetailData } from '../../../../shared/contracts/cases';
import { STATI, STATI_CON_MOTIVO, canMoveTo, formatCaseNumber } from '../../../../shared/domain/cartella';
import { formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { MANAGES_ALL_CASES, PROFILE_LABELS, can, canHoldCase } from '../../../../shared/domain/permissions';
import { AccountNotices, type PendingActionData } from '../users/account-notices';
import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import type { CaseRow, OperatorRow } from '../../db/repositories/cases.repo';
import { uuidv7 } from '../../ids';
import { fullName } from '../persons/person-mapping';
import { nowIso, today, type WorkContext } from '../work-context';
import { caseAccess, grantedAccess, mustGetCase } from './case-access';
import { buildCaseDetail } from './case-detail';

/** An emergency access lasts the working day it was asked for, and a little more. */
const EMERGENCY_HOURS = 12;

/** Opening, reading, states, operators and emergency access of case files (never deleted). */
export class CasesService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  open(input: ParsedInputOf<'cases.open'>, accessoId: string | null = null): OutputOf<'cases.open'> {
    const person = this.store.persons.byId(input.personId);
    if (!person) throw new AppError('NOT_FOUND', 'Persona non trovata.');
    const sede = this.store.zone.sede(input.sedeId);
    if (!sede) throw new AppError('VALIDATION', 'La sede scelta non esiste.', 'sedeId');
    if (input.apertaIl > today(this.ctx)) throw new AppError('VALIDATION', 'La data di apertura non può essere futura.', 'apertaIl');
    const id = uuidv7();
    const anno = Number(input.apertaIl.slice(0, 4));
    let numero = '';
    const entry = { log: 'data' as const, subjectType: 'persona', subjectId: person.id, subjectLabel: fullName(person) };
    this.store.writer.transaction(() => {
      // Minted inside the transaction: the number per sede and year is never given twice here.
      const progressivo = this.store.cases.nextProgressivo(sede.id, anno);
      numero = formatCaseNumber(anno, sede.lettera, progressivo);
      this.store.writer.insert(
        this.ctx.actor,
        'cases',
        id,
        {
          numero,
          anno,
          sede_id: sede.id,
          progressivo,
          person_id: person.id,
          area: input.area,
          problematiche: JSON.stringify([...new Set(input.problematiche)]),
          stato: 'aperto',
          aperta_il: input.apertaIl,
          chiusa_il: null,
          archiviata: 0,
          created_at: nowIso(this.ctx),
        },
        { ...entry, action: 'cases.open', detail: `Cartella ${numero}` },
      );
      this.store.writer.insert(
        this.ctx.actor,
        'case_status_history',
        uuidv7(),
        { case_id: id, stato: 'aperto', data: input.apertaIl, motivo: '', user_id: this.ctx.userId, at: nowIso(this.ctx) },
        { ...entry, action: 'cases.setStatus', detail: `${numero}: aperto` },
      );
      this.store.writer.insert(
        this.ctx.actor,
        'case_operators',
        uuidv7(),
        { case_id: id, user_id: this.ctx.userId, ruolo: 'responsabile', dal: input.apertaIl, al: null },
        { ...entry, action: 'cases.assign', detail: `${numero}: responsabile ${this.ctx.actor.username ?? ''}` },
      );
      if (accessoId) {
        this.store.writer.update(
          this.ctx.actor,
          'accessi',
          accessoId,
          { case_id: id },
          { ...entry, action: 'accessi.toCase', detail: `Accesso trasformato nella cartella ${numero}` },
        );
      }
    });
    return { caseId: id, numero };
  }

  fromAccesso(input: ParsedInputOf<'accessi.toCase'>): OutputOf<'accessi.toCase'> {
    const accesso = this.store.accessi.byId(input.accessoId);
    if (!accesso) throw new AppError('NOT_FOUND', 'Accesso non trovato.');
    if (accesso.case_id) throw new AppError('CONFLICT', `Questo accesso è già diventato la cartella ${accesso.case_numero ?? ''}.`);
    return this.open({ personId: accesso.person_id, sedeId: input.sedeId, area: input.area, problematiche: input.problematiche, apertaIl: today(this.ctx) }, accesso.id);
  }

  /** Opening a case is audited, as reading personal data; with the emergency reason as purpose. */
  get({ id }: ParsedInputOf<'cases.get'>): CaseDetailData {
    const row = mustGetCase(this.ctx, id);
    const access = grantedAccess(this.ctx, row);
    this.store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'cases.get',
      subjectType: 'persona',
      subjectId: row.person_id,
      subjectLabel: row.numero,
      purpose: access.kind === 'emergency' ? `Accesso in emergenza: ${access.motivo}` : 'Presa in carico',
    });
    return buildCaseDetail(this.ctx, row, access);
  }

  /** What a coordinator sees: who, where, states and operators, never the content. */
  summary({ id }: ParsedInputOf<'cases.summary'>): CaseDetailData {
    const row = mustGetCase(this.ctx, id);
    this.store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'cases.summary',
      subjectType: 'persona',
      subjectId: row.person_id,
      subjectLabel: row.numero,
      purpose: 'Riepilogo della cartella',
    });
    return withoutContent(buildCaseDetail(this.ctx, row, { kind: 'assigned' }));
  }

  update({ id, area, problematiche }: ParsedInputOf<'cases.update'>): CaseDetailData {
    const row = this.writable(id);
    this.store.writer.update(this.ctx.actor, 'cases', id, { area, problematiche: JSON.stringify([...new Set(problematiche)]) }, this.entry(row, 'cases.update'));
    return this.reload(id);
  }

  setStatus({ id, stato, data, motivo }: ParsedInputOf<'cases.setStatus'>): CaseDetailData {
    const row = this.writable(id);
    if (!canMoveTo(row.stato, stato)) {
      throw new AppError('VALIDATION', `Una cartella «${STATI[row.stato]}» non può passare a «${STATI[stato]}».`, 'stato');
    }
    if (STATI_CON_MOTIVO.includes(stato) && motivo === '') throw new AppError('VALIDATION', `Indica il motivo per «${STATI[stato]}».`, 'motivo');
    if (data > today(this.ctx)) throw new AppError('VALIDATION', 'La data non può essere futura.', 'data');
    const last = this.store.cases.statusHistory(id).at(-1);
    if (last && data < last.data) throw new AppError('VALIDATION', `La data non può precedere l’ultimo cambio di stato (${formatItalianDate(last.data)}).`, 'data');
    this.store.writer.transaction(() => {
      this.store.writer.update(
        this.ctx.actor,
        'cases',
        id,
        { stato, chiusa_il: stato === 'chiuso' ? data : null },
        this.entry(row, 'cases.setStatus', `${STATI[row.stato]} → ${STATI[stato]}`),
      );
      this.store.writer.insert(
        this.ctx.actor,
        'case_status_history',
        uuidv7(),
        { case_id: id, stato, data, motivo, user_id: this.ctx.userId, at: nowIso(this.ctx) },
        this.entry(row, 'cases.setStatus', motivo || null),
      );
    });
    return this.reload(id);
  }

  /**
   * Assign an operator; a new responsabile while another is in charge is a transfer, which needs
   * a reason and takes effect at once (the old period ends on `dal`, exclusive). No one assigns
   * themselves: an emergency access never turns into an assignment.
   */
  assign(input: ParsedInputOf<'cases.assign'>): CaseDetailData {
    const { id, userId, ruolo, dal, motivo } = input;
    const row = mustGetCase(this.ctx, id);
    if (userId === this.ctx.userId) {
      throw new AppError('FORBIDDEN', 'Nessuno assegna una cartella a sé stesso: chiedi al responsabile della cartella o al coordinatore.');
    }
    const user = this.store.users.byId(userId);
    if (!user || user.disabled) throw new AppError('VALIDATION', 'L’operatore scelto non esiste o è disattivato.', 'userId');
    const { responsabiliProfili } = this.store.zone.caseRules();
    if (!canHoldCase(user.profile, 'co_operatore', responsabiliProfili)) throw new AppError('VALIDATION', `Il profilo di ${user.fullName} non lavora sulle cartelle.`, 'userId');
    if (!canHoldCase(user.profile, ruolo, responsabiliProfili)) {
      throw new AppError(
        'VALIDATION',
        `Il profilo «${PROFILE_LABELS[user.profile]}» non può essere responsabile di una cartella in questa zona: ${user.fullName} può essere co-operatore.`,
        'userId',
      );
    }
    const current = this.store.cases.operators(id).filter((o) => o.al === null || o.al > dal);
    if (current.some((o) => o.user_id === userId && o.ruolo === ruolo)) throw new AppError('CONFLICT', `${user.fullName} è già assegnato a questa cartella.`, 'userId');
    const previous = ruolo === 'responsabile' ? current.filter((o) => o.ruolo === 'responsabile') : [];
    if (previous.length > 0 && motivo === '') throw new AppError('VALIDATION', 'Indica il motivo del trasferimento.', 'motivo');
    const notices = new AccountNotices(this.store, this.ctx.now);
    // Riservato notes for an account created or reset in the last 24 hours: a second administrator confirms first.
    const rule = can(user.profile, 'diary.reserved') ? notices.secondAdminRule(userId) : { required: false, single: false };
    const dettaglio = `Cartella ${row.numero}: ${ruolo === 'responsabile' ? 'operatore responsabile' : 'co-operatore'} dal ${formatItalianDate(dal)}`;
    this.store.writer.transaction(() => {
      if (rule.required) {
        notices.record(this.ctx.actor, { userId, tipo: 'assegnazione', dettaglio, stato: 'da_confermare', azione: { kind: 'assign', caseId: id, ruolo, dal, motivo } });
        return;
      }
      this.performAssign(row, { userId, fullName: user.fullName }, ruolo, dal, motivo, previous);
      // Made by someone who does not work on the case (the coordinator): the colleague is told.
      if (MANAGES_ALL_CASES.includes(this.ctx.profile) || rule.single) notices.record(this.ctx.actor, { userId, tipo: 'assegnazione', dettaglio, unicoAdmin: rule.single });
    });
    return this.reload(id);
  }

  /** A pending assignment confirmed by a second administrator: checked again, then carried out. */
  assignConfirmed(userId: string, action: Extract<PendingActionData, { kind: 'assign' }>): void {
    const row = mustGetCase(this.ctx, action.caseId);
    const user = this.store.users.byId(userId);
    if (!user || user.disabled) throw new AppError('VALIDATION', 'L’operatore non esiste più o è disattivato: l’assegnazione non si può confermare.');
    const current = this.store.cases.operators(row.id).filter((o) => o.al === null || o.al > action.dal);
    if (current.some((o) => o.user_id === userId && o.ruolo === action.ruolo)) return;
    const previous = action.ruolo === 'responsabile' ? current.filter((o) => o.ruolo === 'responsabile') : [];
    this.performAssign(row, { userId, fullName: user.fullName }, action.ruolo, action.dal, action.motivo, previous);
  }

  private performAssign(
    row: CaseRow,
    user: { userId: string; fullName: string },
    ruolo: OperatorRow['ruolo'],
    dal: string,
    motivo: string,
    previous: readonly OperatorRow[],
  ): void {
    for (const p of previous) {
      this.store.writer.update(
        this.ctx.actor,
        'case_operators',
        p.id,
        { al: dal },
        this.entry(row, 'cases.transfer', `Responsabile ${p.full_name} fino al ${formatItalianDate(dal)}: ${motivo}`),
      );
    }
    this.store.writer.insert(
      this.ctx.actor,
      'case_operators',
      uuidv7(),
      { case_id: row.id, user_id: user.userId, ruolo, dal, al: null, motivo },
      this.entry(row, 'cases.assign', `${ruolo === 'responsabile' ? 'Responsabile' : 'Co-operatore'}: ${user.fullName}${motivo ? ` (${motivo})` : ''}`),
    );
  }

  endAssignment({ id, assignmentId, al }: ParsedInputOf<'cases.endAssignment'>): CaseDetailData {
    const row = mustGetCase(this.ctx, id);
    const op = this.store.cases.operator(assignmentId);
    if (!op || op.case_id !== id) throw new AppError('NOT_FOUND', 'Assegnazione non trovata.');
    if (al < op.dal) throw new AppError('VALIDATION', 'La fine non può precedere l’inizio dell’assegnazione.', 'al');
    const responsabili = this.store.cases.operators(id).filter((o) => o.ruolo === 'responsabile' && (o.al === null || o.al > al));
    if (op.ruolo === 'responsabile' && responsabili.length <= 1 && row.stato !== 'chiuso') {
      throw new AppError('VALIDATION', 'Una cartella aperta ha sempre un operatore responsabile: assegnane un altro (trasferimento).');
    }
    this.store.writer.update(this.ctx.actor, 'case_operators', assignmentId, { al }, this.entry(row, 'cases.endAssignment', `${op.full_name} fino al ${formatItalianDate(al)}`));
    return this.reload(id);
  }

  emergencyAccess({ id, motivo }: ParsedInputOf<'cases.emergencyAccess'>): CaseDetailData {
    const row = mustGetCase(this.ctx, id);
    if (caseAccess(this.ctx, row)?.kind === 'assigned') return this.get({ id });
    const expires = new Date(this.ctx.now() + EMERGENCY_HOURS * 3_600_000).toISOString();
    this.store.writer.insert(
      this.ctx.actor,
      'emergency_accesses',
      uuidv7(),
      { case_id: id, user_id: this.ctx.userId, motivo, at: nowIso(this.ctx), scade_il: expires, visto_da: null, visto_il: null },
      {
        log: 'data',
        action: 'cases.emergencyAccess',
        subjectType: 'persona',
        subjectId: row.person_id,
        subjectLabel: row.numero,
        purpose: motivo,
        detail: 'Accesso in emergenza: segnalato al coordinatore',
      },
    );
    return this.get({ id });
  }

  archive({ id, archiviata }: ParsedInputOf<'cases.archive'>): CaseDetailData {
    const row = this.writable(id);
    if (archiviata && row.stato !== 'chiuso') throw new AppError('VALIDATION', 'Si archiviano solo le cartelle chiuse.');
    this.store.writer.update(this.ctx.actor, 'cases', id, { archiviata: archiviata ? 1 : 0 }, this.entry(row, 'cases.archive', archiviata ? 'Archiviata' : 'Tolta dall’archivio'));
    return this.reload(id);
  }

  /** The router checked the declared `case:write` already: here only the row is needed. */
  private writable(id: string): CaseRow {
    return mustGetCase(this.ctx, id);
  }

  private entry(row: CaseRow, action: string, detail: string | null = null) {
    return { log: 'data' as const, action, subjectType: 'persona', subjectId: row.person_id, subjectLabel: row.numero, detail };
  }

  /** After a write the page is re-read; a coordinator not working on the case sees no content. */
  reload(id: string): CaseDetailData {
    const row = mustGetCase(this.ctx, id);
    const access = caseAccess(this.ctx, row);
    if (access) return buildCaseDetail(this.ctx, row, access);
    return withoutContent(buildCaseDetail(this.ctx, row, { kind: 'assigned' }));
  }
}

/**
 * What a profile without the case's content sees (coordinator, desk, SAL): number, sede, area,
 * state and operators. No problematiche, no reasons, no diary, PAI, interventions or files.
 */
function withoutContent(full: CaseDetailData): CaseDetailData {
  return {
    ...full,
    problematiche: [],
    person: { ...full.person, codiceFiscale: '', dataNascita: null, sesso: null },
    statusHistory: full.statusHistory.map((h) => ({ ...h, motivo: '' })),
    diary: [],
    pai: [],
    interventions: [],
    attachments: [],
    timeline: full.timeline.filter((t) => t.kind === 'operatore'),
  };
}
