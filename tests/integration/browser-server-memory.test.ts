// Issue 7: "one token holder could push the server to 1.3 GB with 30 messages of 29 MB". The
// server runs in its own process so its peak resident memory (VmHWM, Linux) is its own.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { exchangeToken, openSocket, tokenOf } from '../support/browser-client';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PEAK_BOUND_MB = 300;

let child: ChildProcess;
let origin: string;
let pid: number;
let cookie: string;

function peakRssMb(): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1]);
  return kb / 1024;
}

beforeAll(async () => {
  child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), path.join(ROOT, 'tests/support/browser-server-child.ts')], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) resolve(out.slice(0, nl));
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  const info = JSON.parse(line) as { origin: string; url: string; pid: number };
  origin = info.origin;
  pid = info.pid;
  cookie = (await exchangeToken(origin, tokenOf(info.url))).cookie as string;
}, 60_000);

afterAll(async () => {
  if (child.exitCode === null) {
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
});

/** Sends one oversized text message; resolves with the close code the server gave. */
function sendHuge(message: Buffer): Promise<number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${origin.replace('http', 'ws')}/ws`, { headers: { Origin: origin, Cookie: cookie } });
    ws.on('open', () => ws.send(message, { binary: false }));
    ws.on('close', (code) => resolve(code));
    ws.on('error', () => undefined);
  });
}

describe.runIf(process.platform === 'linux')('browser mode: oversized messages', () => {
  it(`30 messages of 29 MB are refused and the server's peak memory stays under ${PEAK_BOUND_MB} MB`, async () => {
    const before = peakRssMb();
    const payload = 'A'.repeat(29 * 1024 * 1024 - 100);
    const message = Buffer.from(JSON.stringify({ id: 1, channel: 'attachments.upload', payload: { contenutoBase64: payload } }));
    const codes: number[] = [];
    for (let round = 0; round < 3; round++) {
      codes.push(...(await Promise.all(Array.from({ length: 10 }, () => sendHuge(message)))));
    }
    // Closed (1009 "message too big", or cut: 1006) from the frame header, before the body is read.
    expect(codes.every((c) => c === 1009 || c === 1006)).toBe(true);
    const after = peakRssMb();
    expect(after).toBeLessThan(PEAK_BOUND_MB);
    console.log(`peak RSS of the server: ${before.toFixed(0)} MB before, ${after.toFixed(0)} MB after 30 × 29 MB`);
    // And the server still answers.
    const opened = await openSocket(origin, { Origin: origin, Cookie: cookie });
    expect(await opened.socket?.call('setup.status', {})).toMatchObject({ ok: true });
    opened.socket?.close();
  }, 120_000);
});
