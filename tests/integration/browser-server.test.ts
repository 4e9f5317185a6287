import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES, startBrowserServer, type BrowserServer } from '../../electron/core/server/browser-server';
import type { Core } from '../../electron/core/app';
import { tempDir, testCore } from '../support/core-harness';
import { exchangeToken, httpRequest, openSocket, tokenOf } from '../support/browser-client';

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

async function sessionCookie(): Promise<string> {
  const answer = await exchangeToken(origin, tokenOf(server.issueUrl()));
  expect(answer.status).toBe(204);
  return answer.cookie as string;
}

describe('browser mode: the single-use link and the session cookie', () => {
  it('listens on 127.0.0.1 and puts the token in the URL fragment, never in the path', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#t=[A-Za-z0-9_-]{43}$/);
    expect(server.origin).toBe(origin);
  });

  it('exchanges the token for an HttpOnly, SameSite=Strict cookie that opens the WebSocket', async () => {
    const answer = await exchangeToken(origin, tokenOf(server.issueUrl()));
    expect(answer.status).toBe(204);
    const setCookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(setCookie).toMatch(new RegExp(`^udc_sessione_${server.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    const opened = await openSocket(origin, { Origin: origin, Cookie: answer.cookie as string });
    expect(await opened.socket?.call('setup.status', {})).toMatchObject({ ok: true, data: { setUp: false } });
    opened.socket?.close();
  });

  it('a used link opens nothing: the same token again gets the "già usato" message and no cookie', async () => {
    const token = tokenOf(server.issueUrl());
    expect((await exchangeToken(origin, token)).status).toBe(204);
    const again = await exchangeToken(origin, token);
    expect(again.status).toBe(403);
    expect(again.cookie).toBeNull();
    expect(JSON.parse(again.body)).toEqual({ message: MESSAGES.linkUsed });
    expect(MESSAGES.linkUsed).toContain('già stato usato');
  });

  it('a wrong token, or none, gets no cookie', async () => {
    const wrong = await exchangeToken(origin, 'x'.repeat(43));
    expect(wrong.status).toBe(403);
    expect(wrong.cookie).toBeNull();
    const none = await exchangeToken(origin, null);
    expect(none.status).toBe(403);
    expect(JSON.parse(none.body)).toEqual({ message: MESSAGES.noSession });
  });

  it('a reload (no token, the cookie) keeps the session', async () => {
    const cookie = await sessionCookie();
    const reload = await exchangeToken(origin, null, { Cookie: cookie });
    expect(reload.status).toBe(204);
    const opened = await openSocket(origin, { Origin: origin, Cookie: cookie });
    expect(opened.socket).toBeDefined();
    opened.socket?.close();
  });

  it.each([
    ['a foreign origin', { Origin: 'http://evil.example', 'Content-Type': 'application/json' }],
    ['a localhost origin on another port', { Origin: 'http://127.0.0.1:1', 'Content-Type': 'application/json' }],
    ['no origin', { 'Content-Type': 'application/json' }],
    ['a form post (no JSON)', { Origin: 'ORIGIN', 'Content-Type': 'text/plain' }],
    ['another Host (DNS rebinding)', { Origin: 'ORIGIN', 'Content-Type': 'application/json', Host: 'attacker.example' }],
  ])('refuses the exchange from %s, and the token stays unused', async (_label, headers) => {
    const token = tokenOf(server.issueUrl());
    const resolved = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v === 'ORIGIN' ? origin : v]));
    const refused = await httpRequest(`${origin}/sessione`, { method: 'POST', headers: resolved, body: JSON.stringify({ token }) });
    expect([403, 421]).toContain(refused.status);
    expect(refused.headers['set-cookie']).toBeUndefined();
    expect((await exchangeToken(origin, token)).status).toBe(204);
  });

  it('refuses an oversized exchange body', async () => {
    const big = await httpRequest(`${origin}/sessione`, {
      method: 'POST',
      headers: { Origin: origin, 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: 'x'.repeat(10_000) }),
    }).catch(() => ({ status: 413, headers: {}, body: '' }));
    expect(big.status).toBe(413);
  });

  it.each([
    ['no cookie', () => ({ Origin: origin })],
    ['a wrong cookie', () => ({ Origin: origin, Cookie: `udc_sessione_${server.port}=${'x'.repeat(43)}` })],
    ['the cookie of another port', () => ({ Origin: origin, Cookie: `udc_sessione_1=${'x'.repeat(43)}` })],
  ])('refuses a WebSocket with %s (403)', async (_label, headers) => {
    const refused = await openSocket(origin, headers());
    expect(refused.status).toBe(403);
  });

  it('refuses the old token-in-URL WebSocket, even with a valid unused token', async () => {
    const token = tokenOf(server.issueUrl());
    const refused = await openSocket(origin, { Origin: origin }, `/ws?token=${token}`);
    expect(refused.status).toBe(403);
  });

  it.each([
    ['a foreign origin', 'http://evil.example'],
    ['a localhost origin on another port', 'http://127.0.0.1:1'],
    ['no origin', ''],
  ])('refuses a WebSocket with the cookie but %s (403)', async (_label, from) => {
    const cookie = await sessionCookie();
    const refused = await openSocket(origin, from ? { Origin: from, Cookie: cookie } : { Cookie: cookie });
    expect(refused.status).toBe(403);
  });
});

describe('browser mode: files and headers', () => {
  it('serves the renderer with a strict CSP whose connect-src is this server only', async () => {
    const index = await fetch(`${origin}/`);
    expect(index.status).toBe(200);
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`);
    expect(csp).not.toContain('*');
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const evil of ['/../segreto.txt', '/%2e%2e/segreto.txt', '/assets/..%2f..%2fsegreto.txt', '/%00']) {
      expect((await fetch(`${origin}${evil}`)).status).toBe(404);
    }
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('two servers have two CSPs, each naming only its own port', async () => {
    const rendererDir = tempDir('udc-renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const other = await startBrowserServer(core, { rendererDir });
    try {
      const csp = (await fetch(`${other.origin}/`)).headers.get('content-security-policy') ?? '';
      expect(csp).toContain(`ws://127.0.0.1:${other.port}`);
      expect(csp).not.toContain(`ws://127.0.0.1:${server.port}`);
    } finally {
      await other.close();
    }
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const res = await httpRequest(`${origin}/`, { headers: { Host: 'attacker.example' } });
    expect(res.status).toBe(421);
  });
});
