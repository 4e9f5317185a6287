// The attacks of issue 7 on browser mode, made by one token holder with a real `ws` client:
// thousands of sockets, thousands of queued calls on one socket. (Oversized messages and the
// server's memory: browser-server-memory.test.ts, on a server in its own process.)
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS, MESSAGES, startBrowserServer, type BrowserServer } from '../../electron/core/server/browser-server';
import type { Connection, Core } from '../../electron/core/app';
import { DEFAULT_MESSAGES } from '../../shared/domain/errors';
import { createUser, loginAs, setUpZone, tempDir } from '../support/core-harness';
import { exchangeToken, openSocket, tokenOf, type Socket } from '../support/browser-client';

let server: BrowserServer;
let core: Core;
let cookie: string;
const WORKER = { username: 'mrossi', fullName: 'Maria Rossi', profile: 'assistente_sociale' as const, password: 'Assistente-Sociale-2026' };
let workerPassword: string;
/** Calls each core connection has running right now, and the most it ever had. */
const running = new Map<string, number>();
const peak = new Map<string, number>();

/** The real core, with each connection's concurrent calls counted (nothing else changes). */
function counting(real: Core): Core {
  return {
    ...real,
    dataDir: real.dataDir,
    workstation: real.workstation,
    connect(transport) {
      const conn: Connection = real.connect(transport);
      return {
        id: conn.id,
        close: () => conn.close(),
        call: async (channel, payload) => {
          const now = (running.get(conn.id) ?? 0) + 1;
          running.set(conn.id, now);
          peak.set(conn.id, Math.max(peak.get(conn.id) ?? 0, now));
          try {
            return await conn.call(channel, payload);
          } finally {
            running.set(conn.id, (running.get(conn.id) ?? 1) - 1);
          }
        },
      };
    },
  };
}

beforeAll(async () => {
  const rendererDir = tempDir('udc-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const zone = await setUpZone();
  await createUser(zone.admin, WORKER);
  zone.admin.close();
  const first = await loginAs(zone.core, WORKER.username, WORKER.password);
  workerPassword = first.password;
  first.conn.close();
  core = zone.core;
  server = await startBrowserServer(counting(core), { rendererDir });
  const answer = await exchangeToken(server.origin, tokenOf(server.url));
  cookie = answer.cookie as string;
});

afterAll(async () => {
  await server.close();
  core.close();
});

async function loggedInSocket(): Promise<Socket> {
  const opened = await openSocket(server.origin, { Origin: server.origin, Cookie: cookie });
  if (!opened.socket) throw new Error(`upgrade rifiutato: ${opened.status}`);
  const login = await opened.socket.call('auth.login', { username: WORKER.username, password: workerPassword });
  expect(login.ok).toBe(true);
  return opened.socket;
}

describe('browser mode under attack by a token holder', () => {
  it('of 1,500 sockets at once, at most 16 are accepted; the rest are refused (503, in Italian) or dropped', async () => {
    const attempts = await Promise.all(
      Array.from({ length: 1500 }, () => openSocket(server.origin, { Origin: server.origin, Cookie: cookie }).catch(() => ({ socket: undefined, status: 0, body: '' }))),
    );
    const opened = attempts.filter((a) => a.socket);
    const refused = attempts.filter((a) => a.status === 503);
    expect(opened.length).toBeGreaterThan(0);
    expect(opened.length).toBeLessThanOrEqual(LIMITS.sockets);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => 'body' in a && a.body === MESSAGES.tooManySockets)).toBe(true);
    const closed = opened.map((a) => new Promise<void>((done) => (a.socket?.ws.once('close', () => done()), a.socket?.close())));
    await Promise.all(closed);
    // The slots are free again once the sockets close.
    const after = await openSocket(server.origin, { Origin: server.origin, Cookie: cookie });
    expect(after.socket).toBeDefined();
    after.socket?.close();
  });

  it('3,000 queued searches on one socket: at most 8 run at once, the rest are refused at once, and another client is answered meanwhile', async () => {
    const before = new Set(peak.keys());
    const spammer = await loggedInSocket();
    const other = await loggedInSocket();
    const replies = Array.from({ length: 3000 }, () => spammer.call('persons.search', { query: 'Rossi' }));
    // As soon as the first refusal is back, the other client asks something.
    const firstRefusal = Promise.race(replies.map((r) => r.then((reply) => (reply.error?.code === 'TOO_MANY_REQUESTS' ? reply : new Promise(() => undefined)))));
    await firstRefusal;
    const otherReply = await other.call('persons.search', { query: 'Bianchi' });
    expect(otherReply.ok).toBe(true);

    const all = await Promise.all(replies);
    const refused = all.filter((r) => !r.ok);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.error?.code === 'TOO_MANY_REQUESTS' && r.error.message === DEFAULT_MESSAGES.TOO_MANY_REQUESTS)).toBe(true);
    expect(all.filter((r) => r.ok).length + refused.length).toBe(3000);
    // The two connections opened in this test: neither ever ran more than 8 calls at once.
    const mine = [...peak.entries()].filter(([id]) => !before.has(id)).map(([, n]) => n);
    expect(mine).toHaveLength(2);
    expect(Math.max(...mine)).toBeLessThanOrEqual(LIMITS.inFlight);
    spammer.close();
    other.close();
  });

  it('the limit is per connection: a calm client is never refused', async () => {
    const calm = await loggedInSocket();
    for (let i = 0; i < 3; i++) {
      const batch = await Promise.all(Array.from({ length: LIMITS.inFlight }, () => calm.call('persons.search', { query: 'Verdi' })));
      expect(batch.filter((r) => !r.ok)).toEqual([]);
    }
    calm.close();
  });
});

describe('browser mode: a 20 MB attachment in chunks, no message over 1 MiB', () => {
  it('uploads.start refuses more than 20 MB with the Italian message, before any byte is sent', async () => {
    const socket = await loggedInSocket();
    const reply = await socket.call('uploads.start', { size: 20 * 1024 * 1024 + 1 });
    expect(reply.error?.code).toBe('VALIDATION');
    expect(reply.error?.message).toMatch(/il limite è 20 MB/);
    socket.close();
  });

  it('an upload left half-way is dropped when its socket closes', async () => {
    const socket = await loggedInSocket();
    const started = await socket.call('uploads.start', { size: 1000 });
    expect(started.ok).toBe(true);
    const closed = new Promise((done) => socket.ws.once('close', done));
    socket.close();
    await closed;
    // Another connection of the same user cannot pick it up.
    const other = await loggedInSocket();
    const { uploadId } = started.data as { uploadId: string };
    const reply = await other.call('uploads.chunk', { uploadId, offset: 0, dataBase64: Buffer.alloc(10).toString('base64') });
    expect(reply.error?.code).toBe('NOT_FOUND');
    other.close();
  });
});
