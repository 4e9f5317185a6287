import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import fc from 'fast-check';
import type Database from 'better-sqlite3-multiple-ciphers';
import { contract } from '../../shared/contracts';
import { ERROR_CODES } from '../../shared/domain/errors';
import { ADMIN, call, inspectDatabase, setUpZone } from '../support/core-harness';

// 300 payloads per channel keeps the whole suite's CI time bounded as channels grow (about 165
// now); UDC_FUZZ_RUNS raises it for a longer local run.
const RUNS = Number(process.env.UDC_FUZZ_RUNS ?? 300);

/** Payloads a hostile or buggy renderer could send: any JSON, and near-misses of real shapes. */
const payload = fc.oneof(
  fc.jsonValue(),
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(
    fc.constantFrom('id', 'username', 'password', 'nome', 'log', 'limit', 'zone', 'admin', 'sedeId', 'profile', '__proto__', 'constructor'),
    fc.anything({ maxDepth: 2 }),
  ),
  fc.string({ maxLength: 5000 }),
);

function dataSnapshot(db: Database.Database): string {
  return ['zone', 'comuni', 'sedi', 'rooms', 'users', 'changes'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

/** The key file without its audit anchors, which move whenever the logs do (a verify, a logout). */
function keyEntries(dataDir: string): unknown {
  const { anchors: _anchors, ...rest } = JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as Record<string, unknown>;
  return rest;
}

describe('every channel survives random payloads', () => {
  // One test per channel, each with room for a slow machine: refusals are audited (one fsync
  // each), so a busy 2-core CI needs far more than the default per-test time.
  let ctx: { core: Awaited<ReturnType<typeof setUpZone>>['core']; admin: Connection; inspect: Database.Database; before: string; keyFileBefore: unknown; dataDir: string };
  const codes = new Set<string>();
  const acceptsEmpty = Object.entries(contract)
    .filter(([, def]) => def.input.safeParse({}).success)
    .map(([name]) => name);

  beforeAll(async () => {
    const { core, admin, dataDir } = await setUpZone();
    const inspect = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    ctx = { core, admin, inspect, dataDir, before: dataSnapshot(inspect), keyFileBefore: keyEntries(dataDir) };
  });

  for (const channel of Object.keys(contract)) {
    it(`${channel}: ${RUNS} random payloads → typed errors only, no crash`, { timeout: 300_000 }, async () => {
      const { admin } = ctx;
      const samples = fc.sample(payload, { numRuns: RUNS, seed: channel.length * 7919 });
      for (const sample of samples) {
        const reply = await admin.call(channel, sample);
        if (reply.ok) {
          // Only channels that need no input at all may accept a random payload.
          expect(acceptsEmpty).toContain(channel);
        } else {
          expect(ERROR_CODES).toContain(reply.error.code);
          expect(reply.error.message).not.toMatch(/\bat \w+ \(|node_modules|SQLITE_|TypeError|Cannot read/);
          codes.add(reply.error.code);
        }
        const session = await call(admin, 'auth.current', {});
        if (!session || session.locked) await call(admin, 'auth.login', { username: ADMIN.username, password: ADMIN.password });
      }
    });
  }

  it('after all of them: no INTERNAL error, no data and no key-file change', () => {
    expect(codes.has('INTERNAL')).toBe(false);
    expect(dataSnapshot(ctx.inspect)).toBe(ctx.before);
    expect(keyEntries(ctx.dataDir)).toEqual(ctx.keyFileBefore);
    ctx.inspect.close();
    ctx.core.close();
  });

  it('unknown channels and non-string channels are refused without touching anything', async () => {
    const { core, admin } = await setUpZone();
    for (const channel of ['', 'users.drop', '__proto__', 'constructor', 'toString', 42, null, { a: 1 }]) {
      const reply = await admin.call(channel as string, {});
      expect(reply).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    core.close();
  });
});
