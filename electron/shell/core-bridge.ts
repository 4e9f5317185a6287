// The shell's side of the worker protocol (declared once in shared/contracts/events.ts; the core
// runs in an Electron utilityProcess). Pure: the process is behind the CoreWorker interface, so
// tests drive it with a fake.
import { CoreEvent, type CoreEventData, type WorkerRequest } from '../../shared/contracts/events';

export type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string; field?: string } };
export type { WorkerRequest };

export interface CoreWorker {
  postMessage(message: WorkerRequest): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number) => void): void;
  kill(): void;
}

export interface CoreBridgeOptions {
  /** Restarts allowed within `restartWindowMs` before the bridge gives up. */
  maxRestarts?: number;
  restartWindowMs?: number;
  now?: () => number;
  /** Called once when the worker keeps dying: show the user a message. */
  onGiveUp?: (exitCode: number) => void;
  /** A push event for one window's connection (changed tables, progress). */
  onEvent?: (connId: string, event: CoreEventData) => void;
  log?: (message: string) => void;
  /** The shell's printer (webContents.printToPDF) for the core's letters. */
  printToPdf?: (html: string) => Promise<Buffer>;
}

const NO_PRINTER = 'La stampa in PDF non è disponibile in questa finestra del programma: riavvia il programma e riprova.';

export const WORKER_CRASHED_REPLY: Reply = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: "Il motore dei dati si è interrotto: l'operazione non è stata completata. Accedi di nuovo e riprova.",
  },
};

export const WORKER_UNAVAILABLE_REPLY: Reply = {
  ok: false,
  error: {
    code: 'INTERNAL',
    message: "Il motore dei dati non riesce ad avviarsi. Chiudi e riapri il programma; se il problema continua rivolgiti all'assistenza informatica.",
  },
};

const BAD_REPLY: Reply = {
  ok: false,
  error: { code: 'INTERNAL', message: "Si è verificato un errore imprevisto. L'operazione non è stata completata; riprova." },
};

export function isReply(value: unknown): value is Reply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === true) return 'data' in v;
  if (v.ok !== false || typeof v.error !== 'object' || v.error === null) return false;
  const e = v.error as Record<string, unknown>;
  return typeof e.code === 'string' && typeof e.message === 'string' && (e.field === undefined || typeof e.field === 'string');
}

interface Pending {
  connId: string;
  resolve: (reply: Reply) => void;
}

export class CoreBridge {
  private worker: CoreWorker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private restarts: number[] = [];
  private stopped = false;
  private gaveUp = false;
  private readonly maxRestarts: number;
  private readonly restartWindowMs: number;
  private readonly now: () => number;
  private exitWaiters: (() => void)[] = [];

  constructor(
    private readonly spawnWorker: () => CoreWorker,
    private readonly options: CoreBridgeOptions = {},
  ) {
    this.maxRestarts = options.maxRestarts ?? 3;
    this.restartWindowMs = options.restartWindowMs ?? 60_000;
    this.now = options.now ?? Date.now;
  }

  /** Starts the worker now (so it opens while the window loads); calls also start it lazily. */
  start(): void {
    this.ensureWorker();
  }

  call(connId: string, channel: string, payload: unknown): Promise<Reply> {
    const worker = this.stopped ? null : this.ensureWorker();
    if (!worker) return Promise.resolve(WORKER_UNAVAILABLE_REPLY);
    const id = this.nextId++;
    return new Promise<Reply>((resolve) => {
      this.pending.set(id, { connId, resolve });
      try {
        worker.postMessage({ type: 'call', connId, id, channel, payload });
      } catch {
        // e.g. a payload that cannot be cloned
        this.pending.delete(id);
        resolve(BAD_REPLY);
      }
    });
  }

  /** The window closed or navigated: the core drops that connection's session. */
  disconnect(connId: string): void {
    if (this.worker) {
      try {
        this.worker.postMessage({ type: 'disconnect', connId });
      } catch {
        // the worker is going away anyway
      }
    }
  }

  /**
   * Quitting: no more restarts or calls; the worker is asked to close the database and exit, and
   * is ended after `timeoutMs` if it has not. Resolves when it is gone.
   */
  shutdown(timeoutMs = 2000): Promise<void> {
    this.stopped = true;
    const worker = this.worker;
    if (!worker) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.stop();
        resolve();
      }, timeoutMs);
      this.exitWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      try {
        worker.postMessage({ type: 'shutdown' });
      } catch {
        this.stop();
      }
    });
  }

  /** Ends the worker now: no more restarts, pending calls are answered. */
  stop(): void {
    this.stopped = true;
    const worker = this.worker;
    this.worker = null;
    this.failPending(WORKER_CRASHED_REPLY);
    worker?.kill();
    this.notifyExit();
  }

  private notifyExit(): void {
    const waiters = this.exitWaiters;
    this.exitWaiters = [];
    for (const waiter of waiters) waiter();
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  private ensureWorker(): CoreWorker | null {
    if (this.worker) return this.worker;
    if (this.stopped || this.gaveUp) return null;
    const worker = this.spawnWorker();
    this.worker = worker;
    worker.onMessage((message) => this.onMessage(message));
    worker.onExit((code) => this.onExit(worker, code));
    return worker;
  }

  private onMessage(message: unknown): void {
    if (typeof message !== 'object' || message === null) return;
    const m = message as Record<string, unknown>;
    if (m.type === 'event' && typeof m.connId === 'string') {
      const event = CoreEvent.safeParse(m.event);
      if (event.success) this.options.onEvent?.(m.connId, event.data);
      return;
    }
    if (m.type === 'printToPdf' && typeof m.id === 'number' && typeof m.html === 'string') {
      this.print(m.id, m.html);
      return;
    }
    if (m.type !== 'reply' || typeof m.id !== 'number') return;
    const entry = this.pending.get(m.id);
    if (!entry || entry.connId !== m.connId) return;
    this.pending.delete(m.id);
    entry.resolve(isReply(m.reply) ? m.reply : BAD_REPLY);
  }

  /** A letter to print for the core: the bytes go back to the worker that asked, as base64. */
  private print(id: number, html: string): void {
    const worker = this.worker;
    const printer = this.options.printToPdf;
    const answer = (result: WorkerRequest) => {
      try {
        if (this.worker === worker) worker?.postMessage(result);
      } catch {
        // the worker is going away: its pending call is answered by the exit handler
      }
    };
    if (!printer) {
      answer({ type: 'pdfResult', id, ok: false, message: NO_PRINTER });
      return;
    }
    printer(html).then(
      (bytes) => answer({ type: 'pdfResult', id, ok: true, pdfBase64: bytes.toString('base64') }),
      (error: unknown) => {
        this.options.log?.(`Stampa in PDF non riuscita: ${error instanceof Error ? error.message : String(error)}`);
        answer({ type: 'pdfResult', id, ok: false, message: 'La stampa in PDF non è riuscita: riprova; se il problema continua rivolgiti all’assistenza informatica.' });
      },
    );
  }

  private onExit(worker: CoreWorker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.failPending(WORKER_CRASHED_REPLY);
    if (this.stopped) {
      this.notifyExit();
      return;
    }
    this.options.log?.(`Il processo del core è terminato (codice ${code}).`);
    const now = this.now();
    this.restarts = this.restarts.filter((t) => now - t < this.restartWindowMs);
    if (this.restarts.length >= this.maxRestarts) {
      this.gaveUp = true;
      this.options.onGiveUp?.(code);
      return;
    }
    this.restarts.push(now);
    this.ensureWorker();
  }

  private failPending(reply: Reply): void {
    const entries = [...this.pending.values()];
    this.pending.clear();
    for (const entry of entries) entry.resolve(reply);
  }
}
