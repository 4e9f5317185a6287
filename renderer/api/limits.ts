import type { z } from 'zod';
import { contract, type Channel, type Contract } from '../../shared/contracts';
import { maxLengthOf } from '../../shared/contracts/limits';

type InputShape<C extends Channel> = Contract[C]['input'] extends z.ZodObject<infer S> ? S : never;

/**
 * The longest text a channel accepts in a field: a form's `maxLength`, read from the contract
 * the core checks, so a limit is written once (`maxLength('diary.create', 'luogo')`).
 */
export function maxLength<C extends Channel>(channel: C, field: keyof InputShape<C> & string): number {
  const input = contract[channel].input as unknown as z.ZodObject;
  return maxLengthOf(input.shape[field] as z.ZodType);
}
