import type { ParsedInputOf } from '../../../../shared/contracts';
import { AppError } from '../../../../shared/domain/errors';
import { formatItalianDate } from '../../../../shared/domain/dates';
import { REGIME_LABELS } from '../../../../shared/domain/sal/regimi';
import { uuidv7 } from '../../ids';
import { nowIso, type WorkContext } from '../work-context';
import { ensureParametri, parametriVersions, type ParametriVersion } from './sal-plan';

/**
 * The regimes' rules as dated versions. A version is never edited: a change is a new version
 * from a later date, so a tirocinio is always judged by the rules of its start date.
 */
export class ParametriService {
  constructor(private readonly ctx: WorkContext) {}

  list(): { versions: ParametriVersion[] } {
    return { versions: parametriVersions(this.ctx) };
  }

  add(input: ParsedInputOf<'salParametri.add'>): { id: string } {
    const versions = parametriVersions(this.ctx).filter((v) => v.regime === input.regime);
    const latest = versions.at(-1);
    if (latest && input.validoDal <= latest.validoDal) {
      throw new AppError('VALIDATION', `Una nuova versione deve valere da dopo il ${formatItalianDate(latest.validoDal)}, data dell’ultima.`, 'validoDal');
    }
    if (input.durataMaxMesi < input.durataMinMesi) throw new AppError('VALIDATION', 'La durata massima è inferiore alla minima.', 'durataMaxMesi');
    const id = uuidv7();
    this.ctx.store.writer.transaction(() => {
      // The built-in versions stay in the history the new one follows.
      ensureParametri(this.ctx);
      this.ctx.store.writer.insert(
        this.ctx.actor,
        'sal_parametri',
        id,
        { regime: input.regime, valido_dal: input.validoDal, dati: JSON.stringify(input), fonte: input.fonte, autore_id: this.ctx.userId, created_at: nowIso(this.ctx) },
        {
          log: 'admin',
          action: 'salParametri.add',
          subjectType: 'parametri_sal',
          subjectLabel: REGIME_LABELS[input.regime],
          detail: `In vigore dal ${formatItalianDate(input.validoDal)}`,
        },
      );
    });
    return { id };
  }
}
