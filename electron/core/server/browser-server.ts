import http from 'node:http';
import fs from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../app';
import { DEFAULT_MESSAGES } from '../../../shared/domain/errors';
import { contentSecurityPolicy, resolveStatic } from './static-files';

/**
 * What one token holder may take from the server. A message carries at most one upload or
 * download chunk (512 KiB of base64) plus its envelope; files travel in chunks (uploads.*).
 */
export const LIMITS = {
  /** WebSocket connections open at once (one per tab): the next is refused at upgrade. */
  sockets: 16,
  /** TCP connections at once (HTTP keep-alive and WebSockets together). */
  httpConnections: 64,
  /** Calls of one connection waiting for their reply; the next is refused at once. */
  inFlight: 8,
  /** Largest WebSocket message, checked from the frame header before anything is buffered. */
  messageBytes: 1024 * 1024,
  /** Largest body of POST /sessione. */
  sessionBodyBytes: 1024,
};

export const SESSION_PATH = '/sessione';

export const MESSAGES = {
  linkUsed: 'Questo collegamento è già stato usato: riavvia il programma per averne uno nuovo.',
  noSession: 'Nessuna sessione aperta in questo browser: apri il programma dal collegamento stampato all’avvio, oppure riavvialo per averne uno nuovo.',
  tooManySockets: 'Troppe schede aperte sul programma: chiudine qualcuna e ricarica la pagina.',
};

export interface BrowserServer {
  /** The first single-use address (`#t=<token>`), the one printed and opened at start. */
  url: string;
  port: number;
  origin: string;
  /** Another single-use address, for a test that opens a second browser. */
  issueUrl(): string;
  close(): Promise<void>;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/**
 * Browser mode (the Jupyter / VS Code server pattern) on 127.0.0.1 only. The address printed at
 * start carries a random single-use token in its fragment: the page POSTs it to /sessione, the
 * server consumes it and answers with an HttpOnly, SameSite=Strict cookie holding a fresh
 * session secret. The WebSocket upgrade needs that cookie and our Origin and Host; nothing
 * secret ever travels in a URL the server sees, and a copied history entry opens nothing.
 */
export async function startBrowserServer(core: Core, options: { rendererDir: string; port?: number }): Promise<BrowserServer> {
  const rendererDir = fs.realpathSync(options.rendererDir);
  /** Hashes of tokens not yet used, and of the session secrets handed out as cookies. */
  const pendingTokens = new Set<string>();
  const sessions = new Set<string>();
  let origin = '';
  let cookieName = '';
  let csp = '';
  const sockets = new Set<Duplex>();

  const issueToken = () => {
    const token = randomBytes(32).toString('base64url');
    pendingTokens.add(hash(token));
    return token;
  };

  const hasSession = (req: http.IncomingMessage) => {
    const value = readCookie(req.headers.cookie, cookieName);
    return value !== null && sessions.has(hash(value));
  };

  const baseHeaders = () => ({
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  });

  const server = http.createServer((req, res) => {
    const headers = baseHeaders();
    if (!isLoopbackHost(req.headers.host)) {
      res.writeHead(421, headers).end();
      return;
    }
    if (req.method === 'POST' && req.url === SESSION_PATH) {
      openSession(req, res, headers);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    const found = resolveStatic(rendererDir, req.url ?? '/');
    if (!found) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' }).end('Non trovato');
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Type': found.type });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(found.file).pipe(res);
  });
  server.maxConnections = LIMITS.httpConnections;

  function openSession(req: http.IncomingMessage, res: http.ServerResponse, headers: Record<string, string>): void {
    const answer = (status: number, body?: { message: string }, extra: Record<string, string> = {}) => {
      if (body) res.writeHead(status, { ...headers, ...extra, 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body));
      else res.writeHead(status, { ...headers, ...extra }).end();
    };
    // A page of another origin cannot send this (Origin is set by the browser, and JSON needs a
    // CORS preflight nobody answers); a local program without the token gains nothing from it.
    if (req.headers.origin !== origin || !/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
      req.resume();
      answer(403, { message: MESSAGES.noSession });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > LIMITS.sessionBodyBytes) {
        answer(413, { message: MESSAGES.noSession }, { Connection: 'close' });
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (size > LIMITS.sessionBodyBytes) return;
      let token: unknown = null;
      try {
        token = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { token?: unknown }).token ?? null;
      } catch {
        token = null;
      }
      // A reload (no token) or the same browser opening the printed link again: its cookie holds.
      if (hasSession(req)) {
        answer(204);
        return;
      }
      if (typeof token !== 'string' || !pendingTokens.delete(hash(token))) {
        answer(403, { message: token === null ? MESSAGES.noSession : MESSAGES.linkUsed });
        return;
      }
      const secret = randomBytes(32).toString('base64url');
      sessions.add(hash(secret));
      answer(204, undefined, { 'Set-Cookie': `${cookieName}=${secret}; HttpOnly; SameSite=Strict; Path=/` });
    });
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: LIMITS.messageBytes });

  server.on('upgrade', (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/ws' || req.headers.origin !== origin || !isLoopbackHost(req.headers.host) || !hasSession(req)) {
      refuse(socket, 403, 'Forbidden', MESSAGES.noSession);
      return;
    }
    // A slot is held from the upgrade until the socket closes, whether or not the handshake ends well.
    if (sockets.size >= LIMITS.sockets) {
      refuse(socket, 503, 'Service Unavailable', MESSAGES.tooManySockets);
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(core, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  // Cookies ignore the port: the name keeps two servers on one machine apart.
  cookieName = `udc_sessione_${port}`;
  csp = contentSecurityPolicy(`ws://127.0.0.1:${port}`);

  return {
    url: `${origin}/#t=${issueToken()}`,
    port,
    origin,
    issueUrl: () => `${origin}/#t=${issueToken()}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function refuse(socket: Duplex, status: number, reason: string, message: string): void {
  const body = Buffer.from(message, 'utf8');
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${message}`);
  socket.destroy();
}

function serveSocket(core: Core, ws: WebSocket): void {
  // The core's push events (changed tables, progress) go to this page as `{event}` messages.
  const conn = core.connect('browser', (event) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ event }));
  });
  let inFlight = 0;
  const send = (id: unknown, reply: unknown) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, reply }));
  };
  ws.on('message', (raw, isBinary) => {
    let id: unknown = null;
    let message: { id?: unknown; channel?: unknown; payload?: unknown };
    try {
      if (isBinary) throw new Error('binary');
      const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8');
      message = JSON.parse(text) as typeof message;
      id = typeof message.id === 'number' ? message.id : null;
    } catch {
      send(id, { ok: false, error: { code: 'VALIDATION', message: 'Messaggio non valido.' } });
      return;
    }
    // Bounded work per connection: the excess is refused at once, so it never queues ahead of
    // other connections' calls.
    if (inFlight >= LIMITS.inFlight) {
      send(id, { ok: false, error: { code: 'TOO_MANY_REQUESTS', message: DEFAULT_MESSAGES.TOO_MANY_REQUESTS } });
      return;
    }
    inFlight++;
    void conn
      .call(message.channel as string, message.payload)
      .catch(() => ({ ok: false, error: { code: 'INTERNAL', message: DEFAULT_MESSAGES.INTERNAL } }))
      .then((reply) => {
        inFlight--;
        send(id, reply);
      });
  });
  ws.on('close', () => conn.close());
  // An oversized or malformed frame: drop the socket at once instead of reading (and
  // discarding) the rest of what the client keeps sending during the closing handshake.
  ws.on('error', () => {
    conn.close();
    ws.terminate();
  });
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header || !name) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function isLoopbackHost(host: string | undefined): boolean {
  return typeof host === 'string' && /^127\.0\.0\.1(:\d+)?$/.test(host);
}
