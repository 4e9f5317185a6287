import http from 'node:http';
import fs from 'node:fs';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Core } from '../app';
import { resolveStatic } from './static-files';

export const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; " +
  "connect-src 'self' ws://127.0.0.1:*; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

// An attachment (20 MB) travels base64-encoded in one message: 27 MB, plus the envelope.
const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export interface BrowserServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/**
 * Browser mode (the Jupyter / VS Code server pattern): the renderer and the router on
 * 127.0.0.1 only, a random per-launch token in the URL fragment. WebSocket upgrades without
 * the token, or from another origin, are refused before any message is read.
 */
export async function startBrowserServer(core: Core, options: { rendererDir: string; port?: number }): Promise<BrowserServer> {
  const token = randomBytes(32).toString('base64url');
  const rendererDir = fs.realpathSync(options.rendererDir);
  let origin = '';

  const server = http.createServer((req, res) => {
    const headers = {
      'Content-Security-Policy': CSP,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'X-Frame-Options': 'DENY',
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, headers).end();
      return;
    }
    if (!isLoopbackHost(req.headers.host)) {
      res.writeHead(421, headers).end();
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', origin);
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const expected = Buffer.from(token);
    const tokenOk = given.length === expected.length && timingSafeEqual(given, expected);
    if (url.pathname !== '/ws' || !tokenOk || req.headers.origin !== origin || !isLoopbackHost(req.headers.host)) {
      socket.write('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(core, ws));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/#t=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(core: Core, ws: WebSocket): void {
  const conn = core.connect('browser');
  ws.on('message', (raw, isBinary) => {
    void (async () => {
      let id: unknown = null;
      let reply;
      try {
        if (isBinary) throw new Error('binary');
        const text = Buffer.isBuffer(raw) ? raw.toString('utf8') : Buffer.concat(raw as Buffer[]).toString('utf8');
        const message = JSON.parse(text) as { id?: unknown; channel?: unknown; payload?: unknown };
        id = typeof message.id === 'number' ? message.id : null;
        reply = await conn.call(message.channel as string, message.payload);
      } catch {
        reply = { ok: false, error: { code: 'VALIDATION', message: 'Messaggio non valido.' } };
      }
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify({ id, reply }));
    })();
  });
  ws.on('close', () => conn.close());
  ws.on('error', () => conn.close());
}

function isLoopbackHost(host: string | undefined): boolean {
  return typeof host === 'string' && /^127\.0\.0\.1(:\d+)?$/.test(host);
}
