import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3-multiple-ciphers';
import { contract } from '../../shared/contracts';
import { ERROR_CODES } from '../../shared/domain/errors';
import { ADMIN, call, inspectDatabase, setUpZone } from '../support/core-harness';

const RUNS = 1000;

/** Payloads a hostile or buggy renderer could send: any JSON, and near-misses of real shapes. */
const payload = fc.oneof(
  fc.jsonValue(),
  fc.anything({ maxDepth: 3 }),
  fc.dictionary(fc.constantFrom('id', 'username', 'password', 'nome', 'log', 'limit', 'zone', 'admin', 'sedeId', 'profile', '__proto__', 'constructor'), fc.anything({ maxDepth: 2 })),
  fc.string({ maxLength: 5000 }),
);

function dataSnapshot(db: Database.Database): string {
  return ['zone', 'comuni', 'sedi', 'rooms', 'users', 'changes']
    .map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()))
    .join('\n');
}

/** The key file without its audit anchors, which move whenever the logs do (a verify, a logout). */
function keyEntries(dataDir: string): unknown {
  const { anchors: _anchors, ...rest } = JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as Record<string, unknown>;
  return rest;
}

describe('every channel survives random payloads', () => {
  // A hang guard, not a budget: 60 000 calls take about a minute on an idle 2-core machine, several when it is shared.
  it(`${RUNS} random payloads per channel → typed errors only, no crash, no data change`, { timeout: 600_000 }, async () => {
    const { core, admin, dataDir } = await setUpZone();
    const inspect = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const before = dataSnapshot(inspect);
    const keyFileBefore = keyEntries(dataDir);
    const codes = new Set<string>();
    const acceptsEmpty = Object.entries(contract)
      .filter(([, def]) => def.input.safeParse({}).success)
      .map(([name]) => name);
    for (const channel of Object.keys(contract)) {
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
    }
    expect(codes.has('INTERNAL')).toBe(false);
    expect(dataSnapshot(inspect)).toBe(before);
    expect(keyEntries(dataDir)).toEqual(keyFileBefore);
    inspect.close();
    core.close();
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
