import type { z } from 'zod';
import type { Action } from '../domain/permissions';

/**
 * Who may call a channel: anyone on the connection (`public`: set-up, login), any unlocked
 * session (`session`), or a session whose profile holds the named action.
 */
export type Access = 'public' | 'session' | Action;

export interface ChannelDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export function channel<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): ChannelDef<I, O> {
  return { input, output, access };
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

type UnionToIntersection<U> = (U extends unknown ? (k: U) => void : never) extends (k: infer I) => void ? I : never;
