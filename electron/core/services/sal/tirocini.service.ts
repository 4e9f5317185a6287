import type { z } from 'zod';
import type { ParsedInputOf } from '../../../../shared/contracts';
import type { TirocinioFields } from '../../../../shared/contracts/sal';
import { AppError } from '../../../../shared/domain/errors';
import { formatItalianDate } from '../../../../shared/domain/dates';
import {
  checkHostLimit,
  checkPlan,
  checkProroga,
  checkSuspensions,
  durationLabel,
  effectiveEnd,
  type RuleBreach,
  type TirocinioPlan,
} from '../../../../shared/domain/sal/tirocinio-rules';
import type { RowValues } from '../../db/schema';
import { uuidv7 } from '../../ids';
import { withoutRestricted } from '../rights/hidden-persons';
import { nowIso, type WorkContext } from '../work-context';
import { parametriById, parametriFor, planOf, storedParametriId, type ParametriVersion } from './sal-plan';
import { tirocinioDetail, tirocinioSummary } from './tirocinio-mapping';

type Fields = z.output<typeof TirocinioFields>;

/** Every breach refused, one message per rule; an allowed exception only with its recorded reason. */
function refusal(breaches: readonly RuleBreach[], deroga: Fields['deroga']): AppError | null {
  const blocking = breaches.filter((b) => !(b.deroga && deroga?.regola === b.rule));
  if (blocking.length === 0) return null;
  const issues = blocking.map((b) => ({ field: b.rule, message: b.deroga ? `${b.message} Si può procedere solo con la deroga: ${b.deroga}.` : b.message }));
  return new AppError('VALIDATION', issues.map((i) => i.message).join(' '), issues[0]?.field, issues);
}

/** Tirocini and their progetto formativo: checked against the rules in force on their start date. */
export class TirociniService {
  constructor(private readonly ctx: WorkContext) {}

  private get store() {
    return this.ctx.store;
  }

  private mustRow(id: string) {
    const row = this.store.sal.tirocinio(id);
    if (!row) throw new AppError('NOT_FOUND', 'Tirocinio non trovato.');
    return row;
  }

  /** What the rules say of a draft, before saving (the form shows it as the user types). */
  check(input: ParsedInputOf<'salTirocini.check'>): { breaches: RuleBreach[]; fineEffettiva: string; durata: string } {
    const { plan, breaches } = this.judge(input.id, input.fields);
    return { breaches, fineEffettiva: effectiveEnd(plan), durata: plan.fine >= plan.inizio ? durationLabel(plan.inizio, plan.fine) : '' };
  }

  private judge(id: string | null, f: Fields): { plan: TirocinioPlan; params: ParametriVersion; breaches: RuleBreach[] } {
    const existing = id ? this.mustRow(id) : null;
    const azienda = this.store.sal.azienda(f.aziendaId);
    if (!azienda) throw new AppError('NOT_FOUND', 'Azienda non trovata.');
    const convenzione = this.store.sal.convenzione(f.convenzioneId);
    if (!convenzione || convenzione.azienda_id !== f.aziendaId) throw new AppError('VALIDATION', 'Scegli una convenzione di questa azienda.', 'convenzioneId');
    if (f.tutorAziendaleId) {
      const tutor = this.store.sal.tutor(f.tutorAziendaleId);
      if (!tutor || tutor.azienda_id !== f.aziendaId) throw new AppError('VALIDATION', 'Il tutor aziendale deve essere di questa azienda.', 'tutorAziendaleId');
    }
    const sospensioni = existing ? this.store.sal.sospensioni(existing.id).map((s) => ({ dal: s.dal, al: s.al, motivo: s.motivo })) : [];
    const plan: TirocinioPlan = { inizio: f.inizio, fine: f.fine, oreSettimanali: f.oreSettimanali, orario: f.orario, sospensioni };
    const params = parametriFor(this.ctx, f.regime, f.inizio);
    const breaches = [...checkPlan(plan, params)];
    if (convenzione.scadenza < f.inizio) {
      breaches.push({
        rule: 'convenzione',
        message: `La convenzione n. ${convenzione.numero} è scaduta il ${formatItalianDate(convenzione.scadenza)}, prima dell’inizio.`,
        deroga: null,
      });
    }
    // The host's other tirocini overlapping this one, by their real end.
    const end = effectiveEnd(plan);
    const overlapping = this.store.sal.inCorsoAt(f.aziendaId, id).filter((t) => t.inizio <= end && effectiveEnd(planOf(this.ctx, t)) >= f.inizio);
    const counted = overlapping.filter((t) => !parametriById(this.ctx, t.parametri_id).esclusoDaiLimiti).length;
    breaches.push(...checkHostLimit(azienda.dipendenti_ti, counted, params));
    return { plan, params, breaches };
  }

  save(input: ParsedInputOf<'salTirocini.save'>): { id: string } {
    const f = input.fields;
    const beneficiario = this.store.sal.beneficiario(f.beneficiarioId);
    if (!beneficiario) throw new AppError('NOT_FOUND', 'Beneficiario non trovato.');
    const { params, breaches } = this.judge(input.id, f);
    const error = refusal(breaches, f.deroga);
    if (error) throw error;
    const usedDeroga = f.deroga && breaches.some((b) => b.rule === f.deroga?.regola) ? f.deroga : null;
    const values: RowValues<'sal_tirocini'> = {
      beneficiario_id: f.beneficiarioId,
      azienda_id: f.aziendaId,
      convenzione_id: f.convenzioneId,
      regime: f.regime,
      parametri_id: storedParametriId(this.ctx, params),
      obiettivi: f.obiettivi,
      mansione: f.mansione,
      sede_svolgimento: f.sedeSvolgimento,
      tutor_promotore_id: f.tutorPromotoreId,
      tutor_aziendale_id: f.tutorAziendaleId,
      ore_settimanali: f.oreSettimanali,
      orario: JSON.stringify(f.orario),
      inizio: f.inizio,
      fine: f.fine,
      pagato_da: f.pagatoDa,
      inail: f.inail,
      rc: f.rc,
      comunicazione_data: f.comunicazioneData,
      deroga_regola: usedDeroga?.regola ?? '',
      deroga_motivo: usedDeroga?.motivo ?? '',
    };
    const entry = { log: 'data' as const, action: 'salTirocini.save', subjectType: 'persona', subjectId: beneficiario.person_id, subjectLabel: beneficiario.case_numero };
    if (input.id) {
      const row = this.mustRow(input.id);
      if (row.stato !== 'in_corso') throw new AppError('VALIDATION', 'Un tirocinio concluso o cessato non si modifica più.');
      if (row.beneficiario_id !== f.beneficiarioId) throw new AppError('VALIDATION', 'Il beneficiario di un tirocinio non si cambia: creane uno nuovo.');
      this.store.writer.update(this.ctx.actor, 'sal_tirocini', input.id, values, entry);
      return { id: input.id };
    }
    const id = uuidv7();
    this.store.writer.insert(
      this.ctx.actor,
      'sal_tirocini',
      id,
      { ...values, stato: 'in_corso', cessazione_motivo: '', esito: '', esito_contratto: '', created_by: this.ctx.userId, created_at: nowIso(this.ctx) },
      entry,
    );
    return { id };
  }

  list(input: ParsedInputOf<'salTirocini.list'>) {
    const rows = withoutRestricted(this.ctx, this.store.sal.tirocini(input.stato === 'tutti' ? null : input.stato), (t) => t.person_id);
    this.store.writer.recordBatched(this.ctx.actor, { log: 'data', action: 'salTirocini.list', subjectType: 'registro_sal', detail: `${rows.length} tirocini` });
    return { tirocini: rows.map((t) => tirocinioSummary(this.ctx, t)) };
  }

  get(id: string) {
    const row = this.mustRow(id);
    this.store.writer.record(this.ctx.actor, { log: 'data', action: 'salTirocini.get', subjectType: 'persona', subjectId: row.person_id });
    return tirocinioDetail(this.ctx, row);
  }

  private running(id: string) {
    const row = this.mustRow(id);
    if (row.stato !== 'in_corso') throw new AppError('VALIDATION', 'Il tirocinio è già concluso o cessato.');
    return row;
  }

  private entry(row: { person_id: string }, action: string, detail: string) {
    return { log: 'data' as const, action, subjectType: 'persona', subjectId: row.person_id, detail };
  }

  proroga(input: ParsedInputOf<'salTirocini.proroga'>): { ok: true } {
    const row = this.running(input.id);
    const params = parametriById(this.ctx, row.parametri_id);
    const breaches = checkProroga(row, input.nuovaFine, params);
    const error = refusal(breaches, row.deroga_regola ? { regola: row.deroga_regola, motivo: row.deroga_motivo } : null);
    if (error) throw error;
    this.store.writer.transaction(() => {
      this.store.writer.insert(
        this.ctx.actor,
        'sal_proroghe',
        uuidv7(),
        { tirocinio_id: row.id, fine_prima: row.fine, fine_dopo: input.nuovaFine, motivo: input.motivo, autore_id: this.ctx.userId, at: nowIso(this.ctx) },
        this.entry(row, 'salTirocini.proroga', `Proroga al ${formatItalianDate(input.nuovaFine)}`),
      );
      this.store.writer.update(this.ctx.actor, 'sal_tirocini', row.id, { fine: input.nuovaFine }, this.entry(row, 'salTirocini.proroga', 'Nuova fine'));
    });
    return { ok: true };
  }

  sospendi(input: ParsedInputOf<'salTirocini.sospendi'>): { ok: true } {
    const row = this.running(input.id);
    const plan = planOf(this.ctx, row);
    const next = { ...plan, sospensioni: [...plan.sospensioni, input.sospensione] };
    const error = refusal(checkSuspensions(next, parametriById(this.ctx, row.parametri_id)), null);
    if (error) throw error;
    this.store.writer.insert(
      this.ctx.actor,
      'sal_sospensioni',
      uuidv7(),
      { tirocinio_id: row.id, dal: input.sospensione.dal, al: input.sospensione.al, motivo: input.sospensione.motivo, attiva: 1 },
      this.entry(row, 'salTirocini.sospendi', `Sospensione dal ${formatItalianDate(input.sospensione.dal)} al ${formatItalianDate(input.sospensione.al)}`),
    );
    return { ok: true };
  }

  cessa(input: ParsedInputOf<'salTirocini.cessa'>): { ok: true } {
    const row = this.running(input.id);
    const end = effectiveEnd(planOf(this.ctx, row));
    if (input.data < row.inizio || input.data > end) {
      throw new AppError('VALIDATION', `La cessazione deve cadere tra il ${formatItalianDate(row.inizio)} e il ${formatItalianDate(end)}.`, 'data');
    }
    this.store.writer.update(
      this.ctx.actor,
      'sal_tirocini',
      row.id,
      { stato: 'cessato', cessazione_data: input.data, cessazione_motivo: input.motivo },
      this.entry(row, 'salTirocini.cessa', `Cessazione anticipata il ${formatItalianDate(input.data)}`),
    );
    return { ok: true };
  }

  /** The outcome ends a running tirocinio (concluso); after a cessazione it records what followed. */
  esito(input: ParsedInputOf<'salTirocini.esito'>): { ok: true } {
    const row = this.mustRow(input.id);
    if (row.esito) throw new AppError('CONFLICT', 'L’esito di questo tirocinio è già registrato.');
    if (input.data < row.inizio) throw new AppError('VALIDATION', 'La data dell’esito è precedente all’inizio del tirocinio.', 'data');
    if (input.esito === 'assunzione' && !input.contratto) throw new AppError('VALIDATION', 'Per un’assunzione indica il tipo di contratto.', 'contratto');
    this.store.writer.update(
      this.ctx.actor,
      'sal_tirocini',
      row.id,
      { esito: input.esito, esito_data: input.data, esito_contratto: input.contratto, ...(row.stato === 'in_corso' ? { stato: 'concluso' as const } : {}) },
      this.entry(row, 'salTirocini.esito', `Esito: ${input.esito}`),
    );
    return { ok: true };
  }
}
