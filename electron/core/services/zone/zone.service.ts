import type { ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { PROFILE_LABELS, canHoldCase } from '../../../../shared/domain/permissions';
import type { ZoneData, SedeData } from '../../../../shared/contracts/zone';
import type { Actor } from '../../db/repositories/audit.repo';
import type { RowValues } from '../../db/schema';
import { uuidv7 } from '../../ids';
import type { Store } from '../../store';

type Comune = ZoneData['comuni'][number];

/** Zone configuration: comuni, sedi, rooms, letterhead, auto-lock time. */
export class ZoneService {
  constructor(private readonly store: Store) {}

  get(): ZoneData {
    return this.store.zone.get();
  }

  update(actor: Actor, input: ParsedInputOf<'zone.update'>): void {
    const id = this.store.zone.zoneId();
    if (!id) throw new AppError('NOT_SET_UP');
    const rules = input.regoleCartelle ?? this.store.zone.caseRules();
    const unable = rules.responsabiliProfili.filter((p) => !canHoldCase(p, 'co_operatore', []));
    if (unable.length > 0) {
      throw new AppError('VALIDATION', `Il profilo «${PROFILE_LABELS[unable[0]!]}» non lavora sulle cartelle: non può esserne responsabile.`, 'regoleCartelle.responsabiliProfili');
    }
    this.store.writer.update(
      actor,
      'zone',
      id,
      {
        nome: input.nome,
        ente: input.ente,
        lh_intestazione: input.letterhead.intestazione,
        lh_sottotitolo: input.letterhead.sottotitolo,
        lh_indirizzo: input.letterhead.indirizzo,
        lh_contatti: input.letterhead.contatti,
        idle_timeout_min: input.idleTimeoutMin,
        responsabili_profili: JSON.stringify([...new Set(rules.responsabiliProfili)]),
        ex_operatore_legge_propri: rules.exOperatoreLeggePropri ? 1 : 0,
      },
      { log: 'admin', action: 'zone.update', subjectType: 'zona', subjectId: id, subjectLabel: input.nome },
    );
  }

  saveComune(actor: Actor, input: ParsedInputOf<'zone.saveComune'>): Comune {
    const clash = this.store.zone.comuneByIstat(input.istat);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `Esiste già un comune con codice ISTAT ${input.istat}.`, 'istat');
    const values = { istat: input.istat, catastale: input.catastale, nome: input.nome, provincia: input.provincia };
    const entry = { log: 'admin' as const, action: 'zone.saveComune', subjectType: 'comune', subjectLabel: input.nome };
    const id = input.id ?? uuidv7();
    if (input.id) this.store.writer.update(actor, 'comuni', id, values, { ...entry, subjectId: id });
    else this.store.writer.insert(actor, 'comuni', id, values, { ...entry, subjectId: id });
    return this.store.zone.comune(id) as Comune;
  }

  saveSede(actor: Actor, input: ParsedInputOf<'zone.saveSede'>): SedeData {
    const clash = this.store.zone.sedeByLettera(input.lettera);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `La lettera ${input.lettera} è già usata da un’altra sede.`, 'lettera');
    if (!this.store.zone.comuneByIstat(input.comuneIstat)) throw new AppError('VALIDATION', 'Il comune scelto non è tra i comuni della zona.', 'comuneIstat');
    const values = { nome: input.nome, lettera: input.lettera, comune_istat: input.comuneIstat, indirizzo: input.indirizzo, telefono: input.telefono };
    const id = input.id ?? uuidv7();
    const entry = { log: 'admin' as const, action: 'zone.saveSede', subjectType: 'sede', subjectId: id, subjectLabel: input.nome };
    if (input.id) {
      const before = this.store.zone.sede(id);
      if (!before) throw new AppError('NOT_FOUND', 'Sede non trovata.');
      if (before.lettera !== input.lettera) {
        // Case numbers already minted carry the old letter; changing it would make them ambiguous.
        throw new AppError('VALIDATION', 'La lettera di una sede esistente non si cambia: i numeri di fascicolo già assegnati la contengono.', 'lettera');
      }
      this.store.writer.update(actor, 'sedi', id, values, entry);
    } else {
      this.store.writer.insert(actor, 'sedi', id, values, entry);
    }
    return this.store.zone.sede(id) as SedeData;
  }

  saveRoom(actor: Actor, input: ParsedInputOf<'zone.saveRoom'>): SedeData['rooms'][number] {
    const sede = this.store.zone.sede(input.sedeId);
    if (!sede) throw new AppError('VALIDATION', 'La sede scelta non esiste.', 'sedeId');
    const clash = this.store.zone.roomByName(input.sedeId, input.nome);
    if (clash && clash.id !== input.id) throw new AppError('CONFLICT', `Nella sede di ${sede.nome} esiste già una stanza «${input.nome}».`, 'nome');
    const id = input.id ?? uuidv7();
    const values: RowValues<'rooms'> = { sede_id: input.sedeId, nome: input.nome, attiva: input.attiva ? 1 : 0 };
    const entry = { log: 'admin' as const, action: 'zone.saveRoom', subjectType: 'stanza', subjectId: id, subjectLabel: `${sede.nome} - ${input.nome}` };
    if (input.id) {
      const before = this.store.zone.room(id);
      if (!before) throw new AppError('NOT_FOUND', 'Stanza non trovata.');
      if (before.sedeId !== input.sedeId) throw new AppError('VALIDATION', 'Una stanza non si sposta in un’altra sede: creane una nuova.', 'sedeId');
      this.store.writer.update(actor, 'rooms', id, values, entry);
    } else {
      this.store.writer.insert(actor, 'rooms', id, values, entry);
    }
    return this.store.zone.room(id) as SedeData['rooms'][number];
  }
}
