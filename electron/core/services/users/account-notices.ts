import { z } from 'zod';
import { ProfileSchema } from '../../../../shared/contracts/common';
import type { NoticeData, ReviewNoticeData } from '../../../../shared/contracts/notices';
import type { ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { PROFILES, can, type Profile } from '../../../../shared/domain/permissions';
import type { Actor } from '../../db/repositories/audit.repo';
import type { NoticeRow } from '../../db/repositories/notices.repo';
import type { NoticeStato, NoticeTipo } from '../../db/tables/users';
import { uuidv7 } from '../../ids';
import type { Store } from '../../store';

/** An account created or reset this recently cannot get riservato access from one administrator alone. */
const FRESH_ACCOUNT_MS = 24 * 3_600_000;

/** What a confirmation by a second administrator carries out. */
export const PendingAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assign'), caseId: z.string(), ruolo: z.enum(['responsabile', 'co_operatore']), dal: z.string(), motivo: z.string() }),
  z.object({ kind: z.literal('profile'), profile: ProfileSchema }),
]);
export type PendingActionData = z.infer<typeof PendingAction>;

/** Profiles holding users.manage: the administrators who may confirm one another's acts. */
const ADMINS: Profile[] = PROFILES.filter((p) => can(p, 'users.manage'));

/**
 * An office cannot forbid its administrators everything, but it must see it: account
 * creations, password resets, profile changes and case assignments made by an administrator
 * are shown to the affected user at the next login and listed for review; riservato access for
 * an account created or reset in the last 24 hours waits for a second administrator.
 */
export class AccountNotices {
  constructor(
    private readonly store: Store,
    private readonly now: () => number,
  ) {}

  record(actor: Actor, notice: { userId: string; tipo: NoticeTipo; dettaglio: string; stato?: NoticeStato; azione?: PendingActionData; unicoAdmin?: boolean }): string {
    const id = uuidv7();
    this.store.writer.insert(
      actor,
      'account_notices',
      id,
      {
        user_id: notice.userId,
        tipo: notice.tipo,
        dettaglio: notice.dettaglio,
        autore_id: actor.userId,
        at: new Date(this.now()).toISOString(),
        stato: notice.stato ?? 'eseguito',
        azione: notice.azione ? JSON.stringify(notice.azione) : '',
        unico_admin: notice.unicoAdmin ? 1 : 0,
      },
      {
        log: 'admin',
        action: notice.stato === 'da_confermare' ? 'notices.pending' : 'notices.record',
        subjectType: 'utente',
        subjectId: notice.userId,
        detail: notice.dettaglio,
      },
    );
    return id;
  }

  /**
   * Whether granting riservato access to this account now needs a second administrator: it was
   * created or had its password set by an administrator in the last 24 hours. `single` tells
   * that the zone has no second administrator, so the act goes through, flagged for review.
   */
  secondAdminRule(userId: string): { required: boolean; single: boolean } {
    const since = new Date(this.now() - FRESH_ACCOUNT_MS).toISOString();
    if (!this.store.notices.grantedSince(userId, since)) return { required: false, single: false };
    const single = this.store.users.countActiveWithProfiles(ADMINS) <= 1;
    return { required: !single, single };
  }

  mine(userId: string): NoticeData[] {
    return this.store.notices.unseenBy(userId).map(toNotice);
  }

  markSeen(actor: Actor, userId: string, { ids }: ParsedInputOf<'notices.markSeen'>): void {
    this.store.writer.transaction(() => {
      for (const id of ids) {
        const row = this.store.notices.byId(id);
        if (!row || row.user_id !== userId) throw new AppError('NOT_FOUND', 'Avviso non trovato.');
        if (row.visto_il) continue;
        this.store.writer.update(
          actor,
          'account_notices',
          id,
          { visto_il: new Date(this.now()).toISOString() },
          {
            log: 'admin',
            action: 'notices.seen',
            subjectType: 'utente',
            subjectId: userId,
            detail: row.dettaglio,
          },
        );
      }
    });
  }

  review(reviewerId: string): ReviewNoticeData[] {
    return this.store.notices.toReview().map((r) => ({
      ...toNotice(r),
      utente: r.utente,
      stato: r.stato,
      unicoAdmin: r.unico_admin === 1,
      rivisto: r.rivisto_il !== null,
      puoiDecidere: r.stato === 'da_confermare' && r.autore_id !== reviewerId,
    }));
  }

  markReviewed(actor: Actor, { id }: ParsedInputOf<'notices.markReviewed'>): void {
    const row = this.mustGet(id);
    if (row.rivisto_il) return;
    this.store.writer.update(
      actor,
      'account_notices',
      id,
      { rivisto_da: actor.userId, rivisto_il: new Date(this.now()).toISOString() },
      {
        log: 'admin',
        action: 'notices.reviewed',
        subjectType: 'utente',
        subjectId: row.user_id,
        detail: row.dettaglio,
      },
    );
  }

  /** A second administrator confirms or refuses a pending act; the author never decides his own. */
  decide(actor: Actor, { id, conferma }: ParsedInputOf<'notices.decide'>, carryOut: (action: PendingActionData, row: NoticeRow) => void): void {
    const row = this.mustGet(id);
    if (row.stato !== 'da_confermare') throw new AppError('CONFLICT', 'Questa richiesta è già stata decisa.');
    if (row.autore_id === actor.userId) throw new AppError('FORBIDDEN', 'Serve un secondo amministratore: chi ha chiesto l’operazione non può confermarla.');
    const action = PendingAction.parse(JSON.parse(row.azione));
    const at = new Date(this.now()).toISOString();
    this.store.writer.transaction(() => {
      if (conferma) carryOut(action, row);
      this.store.writer.update(
        actor,
        'account_notices',
        id,
        { stato: conferma ? 'confermato' : 'rifiutato', confermato_da: actor.userId, confermato_il: at, rivisto_da: actor.userId, rivisto_il: at },
        { log: 'admin', action: conferma ? 'notices.confirmed' : 'notices.refused', subjectType: 'utente', subjectId: row.user_id, detail: row.dettaglio },
      );
    });
  }

  private mustGet(id: string): NoticeRow {
    const row = this.store.notices.byId(id);
    if (!row) throw new AppError('NOT_FOUND', 'Avviso non trovato.');
    return row;
  }
}

function toNotice(r: NoticeRow): NoticeData {
  return { id: r.id, tipo: r.tipo, dettaglio: r.dettaglio, at: r.at, autore: r.autore, inAttesa: r.stato === 'da_confermare' };
}
