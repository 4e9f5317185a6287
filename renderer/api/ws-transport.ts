import type { Reply } from '../../shared/contracts';
import type { ConnectionListener, Transport } from './transport';

interface Pending {
  resolve: (reply: Reply<unknown>) => void;
}

const DISCONNECTED: Reply<unknown> = {
  ok: false,
  error: { code: 'DISCONNECTED', message: 'Connessione al programma interrotta.' },
};

/**
 * Browser mode: one WebSocket per page, authenticated by the per-launch token. The core keeps
 * the login on this connection, so losing it means losing the session: the app says so instead
 * of retrying silently.
 */
export function wsTransport(token: string, onConnection: ConnectionListener): Transport {
  const socket = new WebSocket(`ws://${location.host}/ws?token=${encodeURIComponent(token)}`);
  const pending = new Map<number, Pending>();
  const queue: string[] = [];
  const listeners = new Set<(event: unknown) => void>();
  let nextId = 1;
  let closed = false;

  socket.addEventListener('open', () => {
    for (const message of queue.splice(0)) socket.send(message);
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
        if (socket.readyState === WebSocket.OPEN) socket.send(message);
        else queue.push(message);
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
