import type { Reply } from '../../shared/contracts';
import type { ConnectionListener, Transport } from './transport';

interface Pending {
  resolve: (reply: Reply<unknown>) => void;
}

const DISCONNECTED: Reply<unknown> = {
  ok: false,
  error: { code: 'DISCONNECTED', message: 'Connessione al programma interrotta.' },
};

/** The server answers TOO_MANY_REQUESTS beyond 8 calls in flight (browser-server.ts LIMITS). */
const MAX_IN_FLIGHT = 8;

/**
 * Browser mode: one WebSocket per page, authenticated by the session cookie (HttpOnly: this
 * code never sees it) and our Origin. The core keeps the login on this connection, so losing
 * it means losing the session: the app says so instead of retrying silently. Calls beyond the
 * server's in-flight limit wait here, in order, instead of being refused.
 */
export function wsTransport(onConnection: ConnectionListener): Transport {
  const socket = new WebSocket(`ws://${location.host}/ws`);
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = new Set<(event: unknown) => void>();
  let nextId = 1;
  let closed = false;

  const pump = () => {
    while (socket.readyState === WebSocket.OPEN && queue.length > 0 && pending.size - queue.length < MAX_IN_FLIGHT) {
      socket.send(queue.shift() as string);
    }
  };

  socket.addEventListener('open', () => {
    pump();
    onConnection('open');
  });

  socket.addEventListener('message', (event: MessageEvent) => {
    if (typeof event.data !== 'string') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(event.data);
    } catch {
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) return;
    if ('event' in parsed) {
      for (const listener of listeners) listener(parsed.event);
      return;
    }
    const { id, reply } = parsed as { id?: unknown; reply?: unknown };
    if (typeof id !== 'number' || typeof reply !== 'object' || reply === null) return;
    const waiting = pending.get(id);
    if (!waiting) return;
    pending.delete(id);
    waiting.resolve(reply as Reply<unknown>);
    pump();
  });

  socket.addEventListener('close', () => {
    closed = true;
    for (const waiting of pending.values()) waiting.resolve(DISCONNECTED);
    pending.clear();
    onConnection('closed');
  });

  return {
    invoke(channel: string, payload: unknown): Promise<Reply<unknown>> {
      if (closed) return Promise.resolve(DISCONNECTED);
      const id = nextId++;
      const message = JSON.stringify({ id, channel, payload });
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        queue.push(message);
        pump();
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
