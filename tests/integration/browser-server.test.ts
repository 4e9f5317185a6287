import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserServer, type BrowserServer } from '../../electron/core/server/browser-server';
import type { Core } from '../../electron/core/app';
import { tempDir, testCore } from '../support/core-harness';

let server: BrowserServer;
let core: Core;
let origin: string;

beforeAll(async () => {
  const rendererDir = tempDir('udc-renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>UdC</title>');
  fs.mkdirSync(path.join(rendererDir, 'assets'));
  fs.writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(path.dirname(rendererDir), 'segreto.txt'), 'non servire');
  core = testCore(tempDir());
  server = await startBrowserServer(core, { rendererDir });
  origin = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  core.close();
});

/** Resolve with the first reply, or with the HTTP status of a refused upgrade. */
function tryCall(url: string, headers: Record<string, string>): Promise<{ status?: number; reply?: unknown }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('unexpected-response', (_req, res) => resolve({ status: res.statusCode }));
    ws.on('open', () => ws.send(JSON.stringify({ id: 1, channel: 'setup.status', payload: {} })));
    ws.on('message', (data) => {
      resolve({ reply: JSON.parse((data as Buffer).toString('utf8')) as unknown });
      ws.close();
    });
    ws.on('error', (e) => {
      if (!String(e.message).includes('Unexpected server response')) reject(e);
    });
  });
}

describe('browser mode server (loopback, per-launch token)', () => {
  it('listens on 127.0.0.1 and puts the token in the URL fragment, never in the path', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#t=[A-Za-z0-9_-]{43}$/);
  });

  it('answers a WebSocket with the right token and origin', async () => {
    const result = await tryCall(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`, { Origin: origin });
    expect(result.reply).toMatchObject({ id: 1, reply: { ok: true, data: { setUp: false } } });
  });

  it.each([
    ['no token', '', origin],
    ['a wrong token', 'x'.repeat(43), origin],
    ['a foreign origin', 'TOKEN', 'http://evil.example'],
    ['a localhost origin on another port', 'TOKEN', 'http://127.0.0.1:1'],
    ['no origin', 'TOKEN', ''],
  ])('refuses a WebSocket with %s (403)', async (_label, token, from) => {
    const t = token === 'TOKEN' ? server.token : token;
    const result = await tryCall(`ws://127.0.0.1:${server.port}/ws?token=${t}`, from ? { Origin: from } : {});
    expect(result.status).toBe(403);
  });

  it('serves the renderer with a strict CSP and nothing outside its folder', async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const evil of ['/../segreto.txt', '/%2e%2e/segreto.txt', '/assets/..%2f..%2fsegreto.txt', '/%00']) {
      expect((await fetch(`${origin}${evil}`)).status).toBe(404);
    }
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      import('node:http')
        .then(({ request }) => {
          const req = request({ host: '127.0.0.1', port: server.port, path: '/', headers: { Host: 'attacker.example' } }, (r) => resolve(r.statusCode ?? 0));
          req.on('error', reject);
          req.end();
        })
        .catch(reject);
    });
    expect(res).toBe(421);
  });
});
