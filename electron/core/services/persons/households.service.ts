import type { ParsedInputOf } from '../../../../shared/contracts';
import type { PersonDetailData } from '../../../../shared/contracts/persons';
import { formatItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { fullName } from './person-mapping';
import type { PersonsService } from './persons.service';

/** The nucleo familiare of a person: who lives with her, joined and left with dates, never deleted. */
export class HouseholdsService {
  constructor(
    private readonly ctx: WorkContext,
    private readonly persons: PersonsService,
  ) {}

  private get store() {
    return this.ctx.store;
  }

  addMember({ personId, memberPersonId, parentela, convivente, dal }: ParsedInputOf<'households.addMember'>): PersonDetailData {
    const anchor = this.persons.mustGet(personId);
    const member = this.persons.mustGet(memberPersonId);
    if (personId === memberPersonId) throw new AppError('VALIDATION', 'Una persona non si aggiunge al proprio nucleo: è già l’intestataria.');
    const entry = {
      log: 'data' as const,
      action: 'households.addMember',
      subjectType: 'persona',
      subjectId: personId,
      subjectLabel: fullName(anchor),
      detail: `Componente: ${fullName(member)} (${parentela})`,
    };
    this.store.writer.transaction(() => {
      let household = this.store.households.activeMembership(personId)?.household_id;
      if (!household) {
        household = uuidv7();
        this.store.writer.insert(
          this.ctx.actor,
          'households',
          household,
          { created_at: nowIso(this.ctx) },
          { ...entry, action: 'households.create', detail: 'Nuovo nucleo familiare' },
        );
        this.store.writer.insert(
          this.ctx.actor,
          'household_members',
          uuidv7(),
          { household_id: household, person_id: personId, parentela: 'intestatario', convivente: 1, attivo: 1, dal },
          entry,
        );
      }
      const other = this.store.households.activeMembership(memberPersonId);
      if (other) {
        throw new AppError(
          'CONFLICT',
          other.household_id === household
            ? `${fullName(member)} fa già parte di questo nucleo.`
            : `${fullName(member)} fa già parte di un altro nucleo: togli la persona da quello prima di aggiungerla qui.`,
          'memberPersonId',
        );
      }
      this.store.writer.insert(
        this.ctx.actor,
        'household_members',
        uuidv7(),
        { household_id: household, person_id: memberPersonId, parentela, convivente: convivente ? 1 : 0, attivo: 1, dal },
        entry,
      );
    });
    return this.persons.detail(anchor);
  }

  updateMember({ personId, memberId, parentela, convivente }: ParsedInputOf<'households.updateMember'>): PersonDetailData {
    const anchor = this.persons.mustGet(personId);
    const member = this.memberOf(personId, memberId);
    this.store.writer.update(
      this.ctx.actor,
      'household_members',
      memberId,
      { parentela, convivente: convivente ? 1 : 0 },
      {
        log: 'data',
        action: 'households.updateMember',
        subjectType: 'persona',
        subjectId: personId,
        subjectLabel: fullName(anchor),
        detail: `Componente: ${member.cognome} ${member.nome}`,
      },
    );
    return this.persons.detail(anchor);
  }

  removeMember({ personId, memberId, al }: ParsedInputOf<'households.removeMember'>): PersonDetailData {
    const anchor = this.persons.mustGet(personId);
    const member = this.memberOf(personId, memberId);
    if (al < member.dal) throw new AppError('VALIDATION', `La data di uscita non può precedere l’ingresso nel nucleo (${formatItalianDate(member.dal)}).`, 'al');
    this.store.writer.update(
      this.ctx.actor,
      'household_members',
      memberId,
      { attivo: 0, al },
      {
        log: 'data',
        action: 'households.removeMember',
        subjectType: 'persona',
        subjectId: personId,
        subjectLabel: fullName(anchor),
        detail: `Componente uscito: ${member.cognome} ${member.nome}`,
      },
    );
    return this.persons.detail(anchor);
  }

  private memberOf(personId: string, memberId: string) {
    const membership = this.store.households.activeMembership(personId);
    const member = this.store.households.member(memberId);
    if (!membership || !member || member.household_id !== membership.household_id || member.attivo !== 1) {
      throw new AppError('NOT_FOUND', 'Componente del nucleo non trovato.');
    }
    return member;
  }
}
