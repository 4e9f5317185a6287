import type { z } from 'zod';
import type { ParsedInputOf } from '../../../../shared/contracts';
import type { BeneficiarioFields, BeneficiarioSummary } from '../../../../shared/contracts/sal';
import { AppError } from '../../../../shared/domain/errors';
import { phaseProblem, type Fase } from '../../../../shared/domain/sal/fasi';
import type { BeneficiarioRow } from '../../db/repositories/sal.repo';
import type { RowValues } from '../../db/schema';
import { uuidv7 } from '../../ids';
import { withoutRestricted } from '../rights/hidden-persons';
import { nowIso, type WorkContext } from '../work-context';
import { tirocinioSummary } from './tirocinio-mapping';

type Fields = z.output<typeof BeneficiarioFields>;
const flag = (b: boolean) => (b ? (1 as const) : (0 as const));

function columns(f: Fields): RowValues<'sal_beneficiari'> {
  return {
    inviante_servizio: f.invianteServizio,
    inviante_operatore: f.invianteOperatore,
    l68: flag(f.l68),
    l68_percentuale: f.l68 ? f.l68Percentuale : null,
    l104: flag(f.l104),
    cpi_iscritto: flag(f.cpiIscritto),
    cpi_data: f.cpiIscritto ? f.cpiData : null,
    protezione: f.protezione,
    titolo_studio: f.titoloStudio,
    competenze: f.competenze,
    esperienze: f.esperienze,
    aspettative: f.aspettative,
    patente: f.patente,
    mezzi: f.mezzi,
    disponibilita: f.disponibilita,
    distanza_max_km: f.distanzaMaxKm,
    iban: f.iban,
  };
}

function fieldsOf(r: BeneficiarioRow): Fields {
  return {
    invianteServizio: r.inviante_servizio,
    invianteOperatore: r.inviante_operatore,
    l68: r.l68 === 1,
    l68Percentuale: r.l68_percentuale,
    l104: r.l104 === 1,
    cpiIscritto: r.cpi_iscritto === 1,
    cpiData: r.cpi_data,
    protezione: r.protezione,
    titoloStudio: r.titolo_studio,
    competenze: r.competenze,
    esperienze: r.esperienze,
    aspettative: r.aspettative,
    patente: r.patente,
    mezzi: r.mezzi,
    disponibilita: r.disponibilita,
    distanzaMaxKm: r.distanza_max_km,
    iban: r.iban,
  };
}

/** People in work mediation, enrolled from their case file: the anagrafica stays the case's. */
export class BeneficiariService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  private comuni: Map<string, string> | null = null;

  private summary(r: BeneficiarioRow): z.output<typeof BeneficiarioSummary> {
    this.comuni ??= new Map(this.store.zone.get().comuni.map((c) => [c.istat, c.nome]));
    return {
      id: r.id,
      personId: r.person_id,
      caseId: r.case_id,
      cognome: r.cognome,
      nome: r.nome,
      comuneIstat: r.residenza_comune_istat,
      comune: r.residenza_comune_istat ? (this.comuni.get(r.residenza_comune_istat) ?? null) : null,
      fase: r.fase as Fase | null,
      l68: r.l68 === 1,
      tirocinioInCorso: r.tirocinio_in_corso === 1,
      stato: r.stato,
    };
  }

  private must(id: string): BeneficiarioRow {
    const row = this.store.sal.beneficiario(id);
    if (!row) throw new AppError('NOT_FOUND', 'Beneficiario non trovato.');
    return row;
  }

  private entry(r: { person_id: string }, action: string, detail?: string) {
    return { log: 'data' as const, action, subjectType: 'persona', subjectId: r.person_id, ...(detail ? { detail } : {}) };
  }

  enrol(input: ParsedInputOf<'salBeneficiari.enrol'>): { id: string } {
    const cartella = this.store.cases.byId(input.caseId);
    if (!cartella) throw new AppError('NOT_FOUND', 'Cartella non trovata.');
    if (this.store.sal.beneficiarioOfPerson(cartella.person_id)) throw new AppError('CONFLICT', 'Questa persona è già iscritta al registro SAL.');
    const id = uuidv7();
    const at = nowIso(this.ctx);
    this.store.writer.transaction(() => {
      this.store.writer.insert(
        this.ctx.actor,
        'sal_beneficiari',
        id,
        { ...columns(input.fields), person_id: cartella.person_id, case_id: cartella.id, mediatore_id: this.ctx.userId, stato: 'attivo', created_at: at },
        { ...this.entry(cartella, 'salBeneficiari.enrol'), subjectLabel: cartella.numero },
      );
      this.store.writer.insert(
        this.ctx.actor,
        'sal_fasi',
        uuidv7(),
        { beneficiario_id: id, fase: 'preliminare', dal: at.slice(0, 10), al: null, note: '' },
        this.entry(cartella, 'salBeneficiari.setPhase', 'Fase preliminare'),
      );
    });
    return { id };
  }

  update(input: ParsedInputOf<'salBeneficiari.update'>): { ok: true } {
    const row = this.must(input.id);
    this.store.writer.update(this.ctx.actor, 'sal_beneficiari', row.id, columns(input.fields), this.entry(row, 'salBeneficiari.update'));
    return { ok: true };
  }

  /** The register's list; every person listed is audited (the list shows who is in work mediation). */
  list(input: ParsedInputOf<'salBeneficiari.list'>): { beneficiari: z.output<typeof BeneficiarioSummary>[] } {
    const all = this.store.sal.beneficiari({ query: input.query, stato: input.stato === 'tutti' ? null : input.stato, inAttesa: input.inAttesa });
    const rows = withoutRestricted(this.ctx, all, (r) => r.person_id);
    this.store.writer.recordBatched(this.ctx.actor, { log: 'data', action: 'salBeneficiari.list', subjectType: 'registro_sal', detail: `${rows.length} beneficiari` });
    return { beneficiari: rows.map((r) => this.summary(r)) };
  }

  /** The whole record (IBAN, invalidità): audited against the person before it is returned. */
  get(id: string) {
    const row = this.must(id);
    this.store.writer.record(this.ctx.actor, { ...this.entry(row, 'salBeneficiari.get'), subjectLabel: row.case_numero });
    return {
      ...this.summary(row),
      codiceFiscale: row.codice_fiscale,
      caseNumero: row.case_numero,
      fields: fieldsOf(row),
      fasi: this.store.sal.fasi(id).map((f) => ({ id: f.id, fase: f.fase, dal: f.dal, al: f.al, note: f.note })),
      attivita: this.store.sal.attivita(id).map((a) => ({ id: a.id, tipo: a.tipo, data: a.data, note: a.note, autore: a.autore })),
      consensi: this.store.sal.consensi(id).map((c) => ({ id: c.id, ambito: c.ambito, datoIl: c.dato_il, revocatoIl: c.revocato_il })),
      tirocini: this.store.sal.tirociniOf(id).map((t) => tirocinioSummary(this.ctx, t)),
    };
  }

  forCase(caseId: string): { beneficiarioId: string | null } {
    return { beneficiarioId: this.store.sal.beneficiarioOfCase(caseId)?.id ?? null };
  }

  /** The next phase: the open one closes the day before; a missing required activity is named. */
  setPhase(input: ParsedInputOf<'salBeneficiari.setPhase'>): { ok: true } {
    const row = this.must(input.id);
    const fasi = this.store.sal.fasi(row.id);
    const current = fasi.at(-1) ?? null;
    const problem = phaseProblem(
      current?.fase ?? null,
      input.fase,
      this.store.sal.attivita(row.id).map((a) => a.tipo),
    );
    if (problem) throw new AppError('VALIDATION', problem, 'fase');
    if (current && input.dal < current.dal) throw new AppError('VALIDATION', 'La nuova fase non può iniziare prima di quella in corso.', 'dal');
    this.store.writer.transaction(() => {
      if (current && current.al === null) this.store.writer.update(this.ctx.actor, 'sal_fasi', current.id, { al: input.dal }, this.entry(row, 'salBeneficiari.setPhase'));
      this.store.writer.insert(
        this.ctx.actor,
        'sal_fasi',
        uuidv7(),
        { beneficiario_id: row.id, fase: input.fase, dal: input.dal, al: null, note: input.note },
        this.entry(row, 'salBeneficiari.setPhase'),
      );
    });
    return { ok: true };
  }

  addActivity(input: ParsedInputOf<'salBeneficiari.addActivity'>): { ok: true } {
    const row = this.must(input.id);
    this.store.writer.insert(
      this.ctx.actor,
      'sal_attivita',
      uuidv7(),
      { beneficiario_id: row.id, tipo: input.tipo, data: input.data, note: input.note, autore_id: this.ctx.userId, created_at: nowIso(this.ctx) },
      this.entry(row, 'salBeneficiari.addActivity'),
    );
    return { ok: true };
  }

  /** Consents are given and revoked, never deleted: what a host company may be told follows them. */
  consent(input: ParsedInputOf<'salBeneficiari.consent'>): { ok: true } {
    const row = this.must(input.id);
    const open = this.store.sal.consensi(row.id).find((c) => c.ambito === input.ambito && c.revocato_il === null);
    if (input.azione === 'dato') {
      if (open) throw new AppError('CONFLICT', 'Questo consenso è già registrato.');
      this.store.writer.insert(
        this.ctx.actor,
        'sal_consensi',
        uuidv7(),
        { beneficiario_id: row.id, ambito: input.ambito, dato_il: input.data, revocato_il: null, autore_id: this.ctx.userId },
        this.entry(row, 'salBeneficiari.consent', `Consenso dato: ${input.ambito}`),
      );
    } else {
      if (!open) throw new AppError('VALIDATION', 'Non c’è un consenso in vigore da revocare.');
      this.store.writer.update(
        this.ctx.actor,
        'sal_consensi',
        open.id,
        { revocato_il: input.data },
        this.entry(row, 'salBeneficiari.consent', `Consenso revocato: ${input.ambito}`),
      );
    }
    return { ok: true };
  }
}
