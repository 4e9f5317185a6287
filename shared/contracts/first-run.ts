import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Ok, ProfileSchema } from './common';
import type { Profile } from '../domain/permissions';

/**
 * Profiles every Ufficio della Cittadinanza has: the first-run checklist asks for one active
 * user of each. Educatori, psicologi and mediatori SAL depend on the zone, so they are not asked.
 */
export const TEAM_PROFILES: readonly Profile[] = ['assistente_sociale', 'amministrativo', 'coordinatore'];

/** What the administrator confirms in words, since no data could show it was done. */
export const FIRST_RUN_CONFIRMATIONS = ['chiave_conservata', 'patroni_controllati'] as const;
export type FirstRunConfirmation = (typeof FIRST_RUN_CONFIRMATIONS)[number];

const SedeRef = z.object({ id: z.string(), nome: z.string() });

/** Each list names what is still missing; an empty list (or true) means the item is done. */
export const FirstRunStatus = z.object({
  profiliMancanti: z.array(ProfileSchema),
  sediSenzaRecapiti: z.array(SedeRef),
  sediSenzaStanze: z.array(SedeRef),
  sediSenzaOrari: z.array(SedeRef),
  patroniControllati: z.boolean(),
  /** The recovery key issued last (at set-up or after a recovery) was confirmed kept. */
  chiaveConservata: z.boolean(),
});
export type FirstRunStatusData = z.infer<typeof FirstRunStatus>;

export const firstRunContract = {
  /** The administrator's first-run checklist on the Home page, computed from the zone's data. */
  'firstRun.status': channel(Empty, FirstRunStatus, 'zone.manage'),
  /** "Ho conservato la chiave", "ho controllato i patroni": recorded in the administration log. */
  'firstRun.confirm': channel(z.strictObject({ voce: z.enum(FIRST_RUN_CONFIRMATIONS, { error: 'Voce della lista non riconosciuta.' }) }), Ok, 'zone.manage'),
};

export const firstRunFeature = defineFeature('firstRun', { prefixes: ['firstRun'], channels: firstRunContract });
