import { addDays } from '../../../../shared/domain/dates';
import { holidaysBetween } from '../../../../shared/domain/holidays';
import { DEFAULT_PARAMETERS, parametersInForce, type RegimeParameters } from '../../../../shared/domain/sal/parameters';
import type { Orario, Regime } from '../../../../shared/domain/sal/regimi';
import type { TirocinioPlan } from '../../../../shared/domain/sal/tirocinio-rules';
import { AppError } from '../../../../shared/domain/errors';
import type { RowOf } from '../../db/schema';
import { uuidv7 } from '../../ids';
import { AgendaSettingsService } from '../agenda/agenda-settings.service';
import { nowIso, type WorkContext } from '../work-context';

export type ParametriVersion = RegimeParameters & { id: string };

/** The columns of a stored tirocinio its plan is made of. */
type PlanColumns = Pick<RowOf<'sal_tirocini'>, 'id' | 'inizio' | 'fine' | 'stato' | 'cessazione_data' | 'ore_settimanali' | 'orario'>;

/** Ids of the built-in versions while the archive has stored none (they are stored with the first tirocinio). */
const BUILT_IN = 'predefinito-';

/**
 * Every version of the regimes' rules: the stored ones, or the built-in ones while none is stored.
 * Reading never writes: the built-in versions are stored by `ensureParametri`, when a tirocinio or
 * a new version first needs them in the database.
 */
export function parametriVersions(ctx: WorkContext): ParametriVersion[] {
  const rows = ctx.store.sal.parametri();
  if (rows.length === 0) return DEFAULT_PARAMETERS.map((p) => ({ ...p, id: `${BUILT_IN}${p.regime}` }));
  return rows.map((r) => ({ ...(JSON.parse(r.dati) as RegimeParameters), id: r.id }));
}

/** Stores the built-in versions if the archive has none yet (inside the caller's write). */
export function ensureParametri(ctx: WorkContext): void {
  if (ctx.store.sal.parametri().length > 0) return;
  ctx.store.writer.transaction(() => {
    for (const p of DEFAULT_PARAMETERS) {
      ctx.store.writer.insert(
        ctx.actor,
        'sal_parametri',
        uuidv7(),
        { regime: p.regime, valido_dal: p.validoDal, dati: JSON.stringify(p), fonte: p.fonte, autore_id: null, created_at: nowIso(ctx) },
        { log: 'admin', action: 'salParametri.add', subjectType: 'parametri_sal', subjectLabel: p.regime, detail: 'Parametri predefiniti' },
      );
    }
  });
}

/** The stored id of a version, storing the built-in ones first when it is one of them. */
export function storedParametriId(ctx: WorkContext, version: ParametriVersion): string {
  if (!version.id.startsWith(BUILT_IN)) return version.id;
  ensureParametri(ctx);
  return parametriFor(ctx, version.regime, version.validoDal).id;
}

/** The version a tirocinio of `regime` starting on `inizio` is judged by. */
export function parametriFor(ctx: WorkContext, regime: Regime, inizio: string): ParametriVersion {
  const versions = parametriVersions(ctx);
  const found = parametersInForce(versions, regime, inizio) as ParametriVersion | null;
  if (!found) throw new AppError('VALIDATION', 'Non ci sono parametri SAL in vigore per questa data di inizio: aggiungili in Impostazioni → SAL.');
  return found;
}

export function parametriById(ctx: WorkContext, id: string): ParametriVersion {
  const found = parametriVersions(ctx).find((v) => v.id === id);
  if (!found) throw new AppError('NOT_FOUND', 'Parametri SAL non trovati.');
  return found;
}

/**
 * The plan the rules read, from a stored tirocinio: a cessazione ends it on that day. A list
 * passes the tirocinio's active sospensioni it has read for all at once; otherwise they are read here.
 */
export function planOf(ctx: WorkContext, row: PlanColumns, stored?: readonly RowOf<'sal_sospensioni'>[]): TirocinioPlan {
  const sospensioni = (stored ?? ctx.store.sal.sospensioni(row.id)).map((s) => ({ dal: s.dal, al: s.al, motivo: s.motivo }));
  const fine = row.stato === 'cessato' && row.cessazione_data && row.cessazione_data < row.fine ? row.cessazione_data : row.fine;
  return { inizio: row.inizio, fine, oreSettimanali: row.ore_settimanali, orario: JSON.parse(row.orario) as Orario, sospensioni };
}

/** National holidays and the patron day of the comune where the tirocinio takes place, for a month. */
export function holidaysOfMonth(ctx: WorkContext, month: string, comuneIstat: string): Map<string, string> {
  const comuni = new Map(ctx.store.zone.get().comuni.map((c) => [c.istat, c.nome]));
  const patrons = new AgendaSettingsService(ctx).patrons(comuni).filter((p) => p.comuneIstat === comuneIstat);
  return new Map(holidaysBetween(`${month}-01`, addDays(`${month}-28`, 4), patrons).map((h) => [h.date, h.name]));
}
