import { z } from 'zod';
import type { Reply } from './index';

/**
 * What the core says first, on every transport (Electron port, browser-mode WebSocket):
 * `changed` after every committed write (table names only: no data, no ids), so each screen
 * re-reads what it shows; `progress` for long work, to the connection that asked for it.
 */
export const CoreEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('changed'), tables: z.array(z.string()) }),
  z.object({ type: z.literal('progress'), task: z.string(), done: z.number(), total: z.number(), label: z.string() }),
]);
export type CoreEventData = z.infer<typeof CoreEvent>;

/**
 * The worker protocol between the Electron shell and the core in its utilityProcess, declared
 * once for both sides:
 *   main → worker  call | disconnect | shutdown (close the database and exit)
 *   worker → main  reply (to a call) | event (to one window's connection)
 */
export type WorkerRequest = { type: 'call'; connId: string; id: number; channel: string; payload: unknown } | { type: 'disconnect'; connId: string } | { type: 'shutdown' };

export type WorkerMessage = { type: 'reply'; connId: string; id: number; reply: Reply<unknown> } | { type: 'event'; connId: string; event: CoreEventData };
