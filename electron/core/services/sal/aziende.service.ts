import { createHash } from 'node:crypto';
import type { z } from 'zod';
import type { AziendaDetail, AziendaSummary } from '../../../../shared/contracts/sal';
import type { ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { todayInRome } from '../../../../shared/domain/dates';
import { distanceKm } from '../../../../shared/domain/sal/distance';
import { hostLimit } from '../../../../shared/domain/sal/parameters';
import type { AziendaRow } from '../../db/repositories/sal.repo';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { parametriFor } from './sal-plan';

type Summary = z.output<typeof AziendaSummary>;

/** Host companies and bodies, their tutors and convenzioni: the register's records that name no person. */
export class AziendeService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  private comuni: Map<string, string> | null = null;

  private comuneName(istat: string): string {
    this.comuni ??= new Map(this.store.zone.get().comuni.map((c) => [c.istat, c.nome]));
    return this.comuni.get(istat) ?? istat;
  }

  private summary(row: AziendaRow, fromIstat: string | null): Summary {
    const today = todayInRome(new Date(this.ctx.now()));
    return {
      id: row.id,
      ragioneSociale: row.ragione_sociale,
      codice: row.codice,
      comuneIstat: row.comune_istat,
      comune: this.comuneName(row.comune_istat),
      atecoCodice: row.ateco_codice,
      atecoDescrizione: row.ateco_descrizione,
      dipendentiTi: row.dipendenti_ti,
      coopB: row.coop_b === 1,
      tirocinantiInCorso: row.in_corso,
      limite: hostLimit(parametriFor(this.ctx, 'ordinario', today), row.dipendenti_ti),
      distanzaKm: fromIstat ? distanceKm(fromIstat, row.comune_istat) : null,
    };
  }

  /**
   * Companies by name, comune and settore. For a beneficiario: every comune, nearest first,
   * only those within his maximum distance (those at an unknown distance last).
   */
  list(input: ParsedInputOf<'salAziende.list'>): { aziende: Summary[] } {
    const rows = this.store.sal.aziende({ query: input.query, comuneIstat: input.comuneIstat, ateco: input.ateco });
    if (!input.perBeneficiarioId) return { aziende: rows.map((r) => this.summary(r, null)) };
    const b = this.store.sal.beneficiario(input.perBeneficiarioId);
    if (!b) throw new AppError('NOT_FOUND', 'Beneficiario non trovato.');
    const from = b.residenza_comune_istat;
    const max = b.distanza_max_km;
    const all = rows.map((r) => this.summary(r, from));
    const within = all.filter((a) => max === null || a.distanzaKm === null || a.distanzaKm <= max);
    within.sort((a, c) => (a.distanzaKm ?? Infinity) - (c.distanzaKm ?? Infinity) || a.ragioneSociale.localeCompare(c.ragioneSociale, 'it'));
    return { aziende: within };
  }

  get(id: string): z.output<typeof AziendaDetail> {
    const row = this.store.sal.azienda(id);
    if (!row) throw new AppError('NOT_FOUND', 'Azienda non trovata.');
    const today = todayInRome(new Date(this.ctx.now()));
    return {
      ...this.summary(row, null),
      indirizzo: row.indirizzo,
      referente: row.referente,
      telefono: row.telefono,
      email: row.email,
      note: row.note,
      tutor: this.store.sal.tutors(id).map((t) => ({ id: t.id, nome: t.nome, ruolo: t.ruolo, telefono: t.telefono, email: t.email, attivo: t.attivo === 1 })),
      convenzioni: this.store.sal
        .convenzioni(id)
        .map((c) => ({ id: c.id, numero: c.numero, data: c.data, scadenza: c.scadenza, conFile: c.file !== null, scaduta: c.scadenza < today })),
    };
  }

  save(input: ParsedInputOf<'salAziende.save'>): { id: string } {
    const f = input.fields;
    const same = this.store.sal.aziendaByCodice(f.codice);
    if (same && same.id !== input.id) throw new AppError('CONFLICT', `Esiste già un’azienda con questo codice: «${same.ragione_sociale}».`, 'codice');
    if (!this.store.zone.comuneByIstat(f.comuneIstat)) throw new AppError('VALIDATION', 'Comune non valido: sceglilo dall’elenco.', 'comuneIstat');
    const values = {
      ragione_sociale: f.ragioneSociale,
      codice: f.codice,
      comune_istat: f.comuneIstat,
      indirizzo: f.indirizzo,
      ateco_codice: f.atecoCodice,
      ateco_descrizione: f.atecoDescrizione,
      dipendenti_ti: f.dipendentiTi,
      referente: f.referente,
      telefono: f.telefono,
      email: f.email,
      coop_b: f.coopB ? (1 as const) : (0 as const),
      note: f.note,
    };
    const entry = { log: 'data' as const, action: 'salAziende.save', subjectType: 'azienda', subjectLabel: f.ragioneSociale };
    if (input.id) {
      if (!this.store.sal.azienda(input.id)) throw new AppError('NOT_FOUND', 'Azienda non trovata.');
      this.store.writer.update(this.ctx.actor, 'sal_aziende', input.id, values, { ...entry, subjectId: input.id });
      return { id: input.id };
    }
    const id = uuidv7();
    this.store.writer.insert(this.ctx.actor, 'sal_aziende', id, { ...values, attiva: 1, created_at: nowIso(this.ctx) }, { ...entry, subjectId: id });
    return { id };
  }

  saveTutor(input: ParsedInputOf<'salAziende.saveTutor'>): { id: string } {
    const azienda = this.store.sal.azienda(input.aziendaId);
    if (!azienda) throw new AppError('NOT_FOUND', 'Azienda non trovata.');
    const values = {
      azienda_id: input.aziendaId,
      nome: input.nome,
      ruolo: input.ruolo,
      telefono: input.telefono,
      email: input.email,
      attivo: input.attivo ? (1 as const) : (0 as const),
    };
    const entry = { log: 'data' as const, action: 'salAziende.saveTutor', subjectType: 'azienda', subjectId: azienda.id, subjectLabel: azienda.ragione_sociale };
    if (input.id) {
      const tutor = this.store.sal.tutor(input.id);
      if (!tutor || tutor.azienda_id !== input.aziendaId) throw new AppError('NOT_FOUND', 'Tutor non trovato.');
      this.store.writer.update(this.ctx.actor, 'sal_tutor', input.id, values, entry);
      return { id: input.id };
    }
    const id = uuidv7();
    this.store.writer.insert(this.ctx.actor, 'sal_tutor', id, values, entry);
    return { id };
  }

  /**
   * The signed PDF of a convenzione, checked against the hash taken when it was filed: a missing
   * or altered file is said so, never handed out. The read is audited against the company.
   */
  convenzionePdf(id: string, read: (file: string) => Buffer): { nome: string; bytes: Buffer } {
    const c = this.store.sal.convenzione(id);
    if (!c) throw new AppError('NOT_FOUND', 'Convenzione non trovata.');
    if (!c.file) throw new AppError('NOT_FOUND', `Per la convenzione n. ${c.numero} non è stato caricato il PDF firmato.`);
    const azienda = this.store.sal.azienda(c.azienda_id);
    let bytes: Buffer;
    try {
      bytes = read(c.file);
    } catch {
      throw new AppError('DATABASE_CORRUPT', `Il PDF della convenzione n. ${c.numero} manca o è stato alterato: ripristinalo dalla copia di sicurezza.`);
    }
    if (createHash('sha256').update(bytes).digest('hex') !== c.sha256) {
      throw new AppError('DATABASE_CORRUPT', `Il PDF della convenzione n. ${c.numero} non corrisponde a quello caricato.`);
    }
    this.store.writer.record(this.ctx.actor, {
      log: 'data',
      action: 'salAziende.convenzionePdf',
      subjectType: 'azienda',
      subjectId: c.azienda_id,
      subjectLabel: azienda?.ragione_sociale ?? '',
      detail: `PDF della convenzione n. ${c.numero}`,
    });
    // The file's name says the convenzione's number only, as it is written on it.
    return { nome: `convenzione-${c.numero.replace(/[^0-9A-Za-z]+/g, '-')}.pdf`, bytes };
  }

  /** A convenzione; its signed PDF, when given, was stored encrypted by the caller. */
  addConvenzione(
    input: Omit<ParsedInputOf<'salAziende.addConvenzione'>, 'uploadId'>,
    file: { file: string; nome: string; sha256: string; dimensione: number } | null,
  ): { id: string } {
    const azienda = this.store.sal.azienda(input.aziendaId);
    if (!azienda) throw new AppError('NOT_FOUND', 'Azienda non trovata.');
    if (input.scadenza < input.data) throw new AppError('VALIDATION', 'La scadenza è precedente alla data della convenzione.', 'scadenza');
    const id = uuidv7();
    this.store.writer.insert(
      this.ctx.actor,
      'sal_convenzioni',
      id,
      {
        azienda_id: input.aziendaId,
        numero: input.numero,
        data: input.data,
        scadenza: input.scadenza,
        file: file?.file ?? null,
        file_nome: file?.nome ?? '',
        sha256: file?.sha256 ?? '',
        dimensione: file?.dimensione ?? 0,
        created_at: nowIso(this.ctx),
      },
      {
        log: 'data',
        action: 'salAziende.addConvenzione',
        subjectType: 'azienda',
        subjectId: azienda.id,
        subjectLabel: azienda.ragione_sociale,
        detail: `Convenzione n. ${input.numero}`,
      },
    );
    return { id };
  }
}
