import type { z } from 'zod';
import type { Action } from '../domain/permissions';

/**
 * Who may call a channel: anyone on the connection (`public`: set-up, login), any unlocked
 * session (`session`), or a session whose profile holds the named action.
 */
export type Access = 'public' | 'session' | Action;

/**
 * What an id in a channel's input names, and what the caller must be allowed to do with it.
 * The router checks every declared resource (and audits a refusal) before the handler runs;
 * a test walks the contract so that no id field goes undeclared.
 *
 * Protected resources name personal data: `person`, `case` and what belongs to a case or a
 * person (diary entry, attachment, appointment, household member, ISEE, accesso, PAI,
 * intervention, operator assignment). Plain references (user, sede, room, comune, emergency
 * record) name no one's file: they are declared so the walk is complete, and not checked.
 */
export const RESOURCE_REFS = [
  'person:read',
  'person:write',
  'case:summary',
  'case:read',
  'case:write',
  'case:manage',
  /** Any existing case: the emergency access, whose point is to reach a case not assigned. */
  'case:any',
  'diary:read',
  'diary:write',
  'attachment:read',
  'appointment:read',
  'appointment:write',
  'householdMember:write',
  'isee:write',
  'accesso:write',
  'pai:write',
  'paiObjective:write',
  'intervention:write',
  'assignment:manage',
  /** A SAL beneficiario, and a tirocinio (its beneficiario's): the person's rule applies. */
  'salBeneficiario:read',
  'salBeneficiario:write',
  'salTirocinio:read',
  'salTirocinio:write',
  'user',
  'sede',
  'room',
  'comune',
  'emergency',
  /** An account notice: the service checks it is the caller's own, or reviews it as coordinator. */
  'notice',
  /** A chunked upload or download of this connection: the transfer store checks it is the caller's. */
  'transfer',
  /** SAL register records that name no person: host companies, their tutors and convenzioni. */
  'salAzienda',
  'salTutor',
  'salConvenzione',
  /** An appointment a letter is printed from: the rule of its person (an address is personal data). */
  'appointment:letter',
  /** A filed document (letter): its person's rule; a relazione sociale needs the case assigned. */
  'document:read',
  'document:write',
  /** An authorised scarto (ids of case files, never their contents): the service checks it exists. */
  'scarto',
] as const;

export type ResourceRef = (typeof RESOURCE_REFS)[number];

/**
 * Input field paths (dot-separated, arrays traversed) and what each names, e.g.
 * `{ caseId: 'case:write', nominati: 'user', 'obiettivi.id': 'paiObjective:write' }`.
 */
export type Resources = Readonly<Record<string, ResourceRef>>;

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
  resources: Resources;
  /** May be called while the session must still change its temporary password. */
  beforePasswordChange: boolean;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  access: Access,
  resources: Resources = {},
  options: { beforePasswordChange?: boolean } = {},
): ChannelDef<I, O> {
  return { input, output, access, resources, beforePasswordChange: options.beforePasswordChange ?? false };
}

export type ContractMap = Record<string, ChannelDef>;

/** Merge per-feature maps into one; a channel declared twice stops the program at start-up. */
export function mergeContracts<T extends ContractMap[]>(...maps: T): UnionToIntersection<T[number]> {
  const merged: ContractMap = {};
  for (const map of maps) {
    for (const [name, def] of Object.entries(map)) {
      if (Object.hasOwn(merged, name)) throw new Error(`Canale duplicato nel contratto: ${name}`);
      merged[name] = def;
    }
  }
  return merged as UnionToIntersection<T[number]>;
}

/**
 * A feature of the contract, declared once in its own file: its name, the first segments its
 * channel names may use, and its channels. A channel outside the prefixes stops the program.
 */
export interface Feature<N extends string = string, M extends ContractMap = ContractMap> {
  readonly name: N;
  readonly prefixes: readonly string[];
  readonly channels: M;
}

export function defineFeature<const N extends string, M extends ContractMap>(name: N, declared: { prefixes: readonly string[]; channels: M }): Feature<N, M> {
  for (const channelName of Object.keys(declared.channels)) {
    if (!declared.prefixes.includes(channelName.split('.')[0] ?? '')) throw new Error(`Canale fuori dai prefissi della funzione ${name}: ${channelName}`);
  }
  return { name, prefixes: declared.prefixes, channels: declared.channels };
}

export type ChannelsOfFeatures<T extends readonly Feature[]> = UnionToIntersection<T[number]['channels']>;

/**
 * The one contract from the list of features. Two features with the same name or the same
 * prefix, or a channel declared twice, stop the program at start-up.
 */
export function mergeFeatures<const T extends readonly Feature[]>(features: T): ChannelsOfFeatures<T> {
  const owner = new Map<string, string>();
  for (const feature of features) {
    if (owner.has(`:${feature.name}`)) throw new Error(`Funzione duplicata nel contratto: ${feature.name}`);
    owner.set(`:${feature.name}`, feature.name);
    for (const prefix of feature.prefixes) {
      const other = owner.get(prefix);
      if (other) throw new Error(`Prefisso ${prefix} dichiarato da ${other} e da ${feature.name}`);
      owner.set(prefix, feature.name);
    }
  }
  return mergeContracts(...features.map((f) => f.channels)) as ChannelsOfFeatures<T>;
}

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;

/** The values at a declared path of a parsed input: strings, from single fields or arrays. */
export function valuesAt(input: unknown, path: string): string[] {
  let current: unknown[] = [input];
  for (const key of path.split('.')) {
    const next: unknown[] = [];
    for (const value of current) {
      const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
      for (const item of items) {
        if (item !== null && typeof item === 'object' && Object.hasOwn(item, key)) next.push((item as Record<string, unknown>)[key]);
      }
    }
    current = next;
  }
  return current.flatMap((v): unknown[] => (Array.isArray(v) ? (v as unknown[]) : [v])).filter((v): v is string => typeof v === 'string');
}
