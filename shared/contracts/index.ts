import { z } from 'zod';
import { mergeFeatures } from './define';
import { authFeature } from './auth';
import { usersFeature } from './users';
import { zoneFeature } from './zone';
import { auditFeature } from './audit';
import { personsFeature } from './persons';
import { casesFeature } from './cases';
import { placesFeature } from './places';
import { privacyFeature } from './privacy';
import { agendaFeature } from './agenda';
import { noticesFeature } from './notices';
import { salFeature } from './sal';
import { uploadsFeature } from './uploads';
import { firstRunFeature } from './first-run';
import { backupFeature } from './backup';
import { lettersFeature } from './letters';
import { conflictsFeature } from './conflicts';
import { syncFeature } from './sync';
import { siussFeature } from './siuss';
import { rightsFeature } from './rights';
import { recordsFeature } from './records';
import { retentionFeature } from './retention';
import { reportsFeature } from './reports';

// Zod's own messages (for shapes no form produces) in Italian, on both sides of the contract.
z.config(z.locales.it());

/**
 * Every feature of the contract, one line each: the channel map, the core's handler registry
 * (electron/core/features.ts) and the contract tests derive from this list.
 */
export const FEATURES = [
  authFeature,
  usersFeature,
  zoneFeature,
  auditFeature,
  personsFeature,
  casesFeature,
  placesFeature,
  privacyFeature,
  agendaFeature,
  noticesFeature,
  salFeature,
  uploadsFeature,
  firstRunFeature,
  backupFeature,
  lettersFeature,
  conflictsFeature,
  syncFeature,
  siussFeature,
  rightsFeature,
  recordsFeature,
  retentionFeature,
  reportsFeature,
] as const;

export type FeatureName = (typeof FEATURES)[number]['name'];
/** One feature's channel map, by name. */
export type FeatureChannels<F extends FeatureName> = Extract<(typeof FEATURES)[number], { name: F }>['channels'];

/** The one channel map: declared here, implemented once in the core, called once by the renderer. */
export const contract = mergeFeatures(FEATURES);

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

/** One problem per field, so a form shows every field's error at once. */
export interface FieldIssue {
  field: string;
  message: string;
}

/** What travels back over any transport. */
export type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string; field?: string; issues?: FieldIssue[] } };
