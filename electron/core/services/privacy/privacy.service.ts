import type { OutputOf, ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { nowIso, type WorkContext } from '../work-context';

/** GDPR art. 15 and the coordinator's review: who accessed a person's data, emergency accesses. */
export class PrivacyService {
  constructor(private readonly ctx: WorkContext) {}

  accessReport({ personId }: ParsedInputOf<'privacy.accessReport'>): OutputOf<'privacy.accessReport'> {
    const { store } = this.ctx;
    const person = store.persons.byId(personId);
    if (!person) throw new AppError('NOT_FOUND', 'Persona non trovata.');
    store.writer.flushAudit();
    const rows = store.audit.bySubject('persona', personId);
    store.writer.record(this.ctx.actor, {
      log: 'admin',
      action: 'privacy.accessReport',
      subjectType: 'persona',
      subjectId: personId,
      subjectLabel: `${person.cognome} ${person.nome}`,
      purpose: 'Elenco degli accessi (art. 15 GDPR)',
    });
    return {
      person: { id: person.id, cognome: person.cognome, nome: person.nome, codiceFiscale: person.codice_fiscale ?? '' },
      rows: rows.map((r) => ({
        at: r.at,
        username: r.username,
        profile: r.profile,
        workstation: r.workstation,
        action: r.action,
        oggetto: r.subjectLabel,
        purpose: r.purpose,
        outcome: r.outcome,
      })),
    };
  }

  emergencies({ onlyUnseen }: ParsedInputOf<'privacy.emergencies'>): OutputOf<'privacy.emergencies'> {
    this.ctx.store.writer.record(this.ctx.actor, { log: 'admin', action: 'privacy.emergencies', subjectType: 'registro', subjectLabel: 'Accessi in emergenza' });
    return this.ctx.store.cases.emergencies(onlyUnseen).map((e) => ({
      id: e.id,
      at: e.at,
      user: e.user,
      caseId: e.case_id,
      caseNumero: e.numero,
      personName: `${e.cognome} ${e.nome}`,
      motivo: e.motivo,
      visto: e.visto_il !== null,
    }));
  }

  markSeen({ id }: ParsedInputOf<'privacy.markEmergencySeen'>): void {
    if (!this.ctx.store.cases.emergency(id)) throw new AppError('NOT_FOUND', 'Accesso in emergenza non trovato.');
    this.ctx.store.writer.update(
      this.ctx.actor,
      'emergency_accesses',
      id,
      { visto_da: this.ctx.userId, visto_il: nowIso(this.ctx) },
      {
        log: 'admin',
        action: 'privacy.markEmergencySeen',
        subjectType: 'accesso_emergenza',
        subjectId: id,
      },
    );
  }
}
