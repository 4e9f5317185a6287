import { z } from 'zod';
import { mergeContracts } from './define';
import { authContract } from './auth';
import { usersContract } from './users';
import { zoneContract } from './zone';
import { auditContract } from './audit';
import { personsContract } from './persons';
import { casesContract } from './cases';
import { placesContract } from './places';
import { privacyContract } from './privacy';
import { agendaContract } from './agenda';
import { noticesContract } from './notices';
import { uploadsContract } from './uploads';
import { firstRunContract } from './first-run';

// Zod's own messages (for shapes no form produces) in Italian, on both sides of the contract.
z.config(z.locales.it());

/** The one channel map: declared here, implemented once in the core, called once by the renderer. */
export const contract = mergeContracts(
  authContract,
  usersContract,
  zoneContract,
  auditContract,
  personsContract,
  casesContract,
  placesContract,
  privacyContract,
  agendaContract,
  noticesContract,
  uploadsContract,
  firstRunContract,
);

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
