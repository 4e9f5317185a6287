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
 *   main → worker  call | disconnect | shutdown (close the database and exit) | pdfResult
 *   worker → main  reply (to a call) | event (to one window's connection) | printToPdf
 * A letter becomes PDF in the shell (`webContents.printToPDF`): the core sends the whole HTML
 * document (`printToPdf`) and gets the bytes back as base64 (`pdfResult`), or an Italian error.
 */
export type PdfResult = { type: 'pdfResult'; id: number; ok: true; pdfBase64: string } | { type: 'pdfResult'; id: number; ok: false; message: string };

export type WorkerRequest =
  { type: 'call'; connId: string; id: number; channel: string; payload: unknown } | { type: 'disconnect'; connId: string } | { type: 'shutdown' } | PdfResult;

export type WorkerMessage =
  { type: 'reply'; connId: string; id: number; reply: Reply<unknown> } | { type: 'event'; connId: string; event: CoreEventData } | { type: 'printToPdf'; id: number; html: string };
