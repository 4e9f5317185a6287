import type { FirstRunConfirmation, FirstRunStatusData } from '../../../../shared/contracts/first-run';
import { TEAM_PROFILES } from '../../../../shared/contracts/first-run';
import type { Actor } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';

/** The administration-log action each confirmation writes. */
const CONFIRMATION_ACTIONS: Record<FirstRunConfirmation, { action: string; detail: string }> = {
  chiave_conservata: { action: 'keys.recovery_kept', detail: 'L’amministratore conferma di aver stampato o trascritto la chiave di recupero e di conservarla' },
  patroni_controllati: { action: 'agenda.patrons_checked', detail: 'L’amministratore conferma di aver controllato i giorni dei santi patroni' },
};

/**
 * The administrator's first-run checklist, read from the data itself: who is in the team, what
 * each sede lacks, and the two confirmations kept in the administration log.
 */
export class FirstRunService {
  constructor(private readonly store: Store) {}

  status(): FirstRunStatusData {
    const sedi = this.store.zone.sedi();
    const withHours = new Set(
      this.store.agenda
        .orari()
        .filter((o) => o.mattina_da !== '' || o.pomeriggio_da !== '')
        .map((o) => o.sede_id),
    );
    const ref = (s: { id: string; nome: string }) => ({ id: s.id, nome: s.nome });
    const log = this.store.firstRun;
    return {
      profiliMancanti: TEAM_PROFILES.filter((p) => this.store.users.countActiveWithProfiles([p]) === 0),
      sediSenzaRecapiti: sedi.filter((s) => s.indirizzo.trim() === '' || s.telefono.trim() === '').map(ref),
      sediSenzaStanze: sedi.filter((s) => !s.rooms.some((r) => r.attiva)).map(ref),
      sediSenzaOrari: sedi.filter((s) => !withHours.has(s.id)).map(ref),
      patroniControllati: log.lastAdminSeq(CONFIRMATION_ACTIONS.patroni_controllati.action) > 0,
      // A key issued after the confirmation (a recovery spends the old one) must be kept again.
      chiaveConservata: log.lastAdminSeq(CONFIRMATION_ACTIONS.chiave_conservata.action) > log.lastAdminSeq('keys.recovery_issued'),
    };
  }

  confirm(actor: Actor, voce: FirstRunConfirmation): void {
    const { action, detail } = CONFIRMATION_ACTIONS[voce];
    this.store.writer.record(actor, { log: 'admin', action, subjectType: 'zona', detail });
  }
}
