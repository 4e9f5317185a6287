import fs from 'node:fs';
import path from 'node:path';
import { createCipheriv, createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { TABLES } from '../../electron/core/db/schema';
import { decodeSegment, type SegmentChange } from '../../electron/core/sync/segment-codec';
import { SYNC_LOG_FILE } from '../../electron/core/sync/sync-log';
import { tempDir } from '../support/core-harness';
import { addPerson, filesIn, personsOf, rawZone, syncActor, syncNode } from '../support/raw-sync-nodes';

/** 10,000 in `npm test` (about a minute on a quiet 2-core machine); UDC_MUTATIONS for more or fewer. */
const RUNS = Number(process.env['UDC_MUTATIONS'] ?? 10_000);
/** The whole database file is hashed this often (every step proves no byte was written: see `unchanged`). */
const HASH_EVERY = 500;
const YEAR = 365.25 * 86_400_000;

const z = rawZone();
afterAll(() => z.close());

type Header = Record<string, unknown>;
/** One altered file and the reasons it may be refused for. */
interface Mutation {
  kind: string;
  bytes: Buffer;
  reasons: readonly string[];
}

/**
 * A segment sealed the way segment-codec.ts lays it out, with any header and changes: a buggy or
 * compromised peer holding the real keys, so its file passes authentication and reaches the apply path.
 */
function seal(header: Header, changes: unknown, key: Buffer, signer: KeyObject): Buffer {
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const prefix = Buffer.concat([Buffer.from('UDCS'), u32(headerBytes.length), headerBytes]);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(prefix);
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(JSON.stringify(changes), 'utf8'))), cipher.final()]);
  const signed = Buffer.concat([prefix, nonce, u32(body.length), body, cipher.getAuthTag()]);
  return Buffer.concat([signed, sign(null, signed, signer)]);
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}

const shiftHlc = (hlc: string, ms: number) => {
  const at = hlc.slice(0, 24);
  return `${new Date(Date.parse(at) + ms).toISOString()}${hlc.slice(24)}`;
};

/** A value its column cannot hold, by the column's declared type. */
function wrongValue(tbl: string, col: string, pick: number): string {
  const column = (TABLES as unknown as Record<string, Record<string, { sql: string; nullable: boolean }>>)[tbl]![col]!;
  const text = ['42', '1.5', 'true', '{}', '["Rossi"]', 'non è JSON', ''];
  const integer = ['"1"', '1.5', 'true', '{}', '[1]', String(2 ** 60), 'non è JSON'];
  const choices = [...(column.sql === 'TEXT' ? text : integer), ...(column.nullable ? [] : ['null'])];
  return choices[pick % choices.length]!;
}

const CODEC_REASONS = ['malformed', 'foreign_zone', 'unknown_sender', 'bad_signature', 'undecryptable', 'bad_body', 'future_format'];

// Bounded by the run count; the timeout only leaves room for a busy CI (about 35 s of CPU for 10,000 here).
describe('sincronizzazione: pacchetti malformati', { timeout: 300_000 }, () => {
  it(`${RUNS.toLocaleString('it-IT')} alterazioni di pacchetti veri: mai un crash, ogni rifiuto annotato, l’archivio identico byte per byte`, () => {
    const folder = tempDir('udc-share-');
    const narni = z.node();
    const amelia = z.node();
    const rossi = addPerson(narni, 'Rossi', '0744 715123');
    addPerson(narni, 'D’Annunzio-Colò');
    syncNode(narni, folder);
    expect(syncNode(amelia, folder)).toMatchObject({ receivedSegments: 1, rejected: [] });
    // The segment under attack: an edit over a value Amelia holds (so its changes have parents) and a new person.
    narni.store.writer.update(syncActor, 'persons', rossi, { telefono: '0744 000111' }, { log: 'data', action: 'persons.update' });
    addPerson(narni, 'Bianchi');
    syncNode(narni, folder);
    const files = filesIn(folder).sort();
    const [first, target] = [files[0]!, files[1]!];
    const good = fs.readFileSync(target);
    const replayed = fs.readFileSync(first);
    const { header, changes } = decodeSegment(good, { syncKey: z.syncKey, zone: z.zone, publicKeyOf: (n) => z.keys.get(n) ?? null });
    expect(changes.some((c) => c.parents.length > 0)).toBe(true);
    fs.rmSync(target);

    const stranger = generateKeyPairSync('ed25519');
    const legit = (h: Header, c: unknown) => seal(h, c, z.syncKey, narni.signingKey);
    const withChange = (i: number, patch: Partial<SegmentChange>) => changes.map((c, j) => (j === i % changes.length ? { ...c, ...patch } : c));
    const index = fc.nat(changes.length - 1);
    const skew = fc.oneof(fc.constantFrom(10 * YEAR, -10 * YEAR), fc.integer({ min: 10 * 60_000, max: 10 * YEAR }), fc.integer({ min: -10 * YEAR, max: -10 * 60_000 }));

    // Each mutation: its bytes and the reasons it may be refused for.
    const mutation = fc.oneof(
      {
        weight: 10,
        arbitrary: fc
          .record({ at: fc.nat(good.length - 1), bit: fc.integer({ min: 0, max: 7 }) })
          .map((m) => ({ kind: 'bit invertito', bytes: flip(good, m.at, m.bit), reasons: CODEC_REASONS })),
      },
      { weight: 6, arbitrary: fc.nat(good.length - 1).map((at) => ({ kind: 'troncato', bytes: good.subarray(0, at), reasons: CODEC_REASONS })) },
      {
        weight: 3,
        arbitrary: fc
          .record({ at: fc.nat(good.length), extra: fc.uint8Array({ minLength: 1, maxLength: 64 }) })
          .map((m) => ({ kind: 'inserzione', bytes: Buffer.concat([good.subarray(0, m.at), Buffer.from(m.extra), good.subarray(m.at)]), reasons: CODEC_REASONS })),
      },
      { weight: 2, arbitrary: fc.uint8Array({ maxLength: 2048 }).map((b) => ({ kind: 'file estraneo', bytes: Buffer.from(b), reasons: ['malformed'] })) },
      { weight: 3, arbitrary: fc.constant({ kind: 'ripetuto', bytes: replayed, reasons: ['malformed'] }) },
      {
        weight: 2,
        arbitrary: fc
          .integer({ min: 3, max: 1_000_000 })
          .map((seq) => ({ kind: 'ripetuto con un altro numero', bytes: legit({ ...header, seq }, changes), reasons: ['malformed'] })),
      },
      {
        weight: 2,
        arbitrary: fc.constant(0).map(() => ({ kind: 'chiave estranea', bytes: seal(header, changes, randomBytes(32), narni.signingKey), reasons: ['undecryptable'] })),
      },
      { weight: 2, arbitrary: fc.constant(0).map(() => ({ kind: 'firma estranea', bytes: seal(header, changes, z.syncKey, stranger.privateKey), reasons: ['bad_signature'] })) },
      {
        weight: 1,
        arbitrary: fc.constant(0).map(() => ({ kind: 'zona estranea', bytes: legit({ ...header, zone: randomBytes(16).toString('hex') }, changes), reasons: ['foreign_zone'] })),
      },
      {
        weight: 8,
        arbitrary: fc.record({ i: index, pick: fc.nat() }).map(({ i, pick }) => ({
          kind: 'tipo sbagliato',
          bytes: legit(header, withChange(i, { value: wrongValue(changes[i]!.tbl, changes[i]!.col, pick) })),
          reasons: ['invalid'],
        })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ i: index, extra: fc.nat(1000) })
          .map(({ i, extra }) => ({ kind: 'testo enorme', bytes: legit(header, withChange(i, { value: JSON.stringify('x'.repeat(1_000_000 + extra)) })), reasons: ['bad_body'] })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ i: index, n: fc.integer({ min: 101, max: 100_000 }) })
          .map(({ i, n }) => ({ kind: 'identificativo enorme', bytes: legit(header, withChange(i, { row_id: 'r'.repeat(n) })), reasons: ['bad_body'] })),
      },
      {
        weight: 4,
        arbitrary: fc
          .record({ format: fc.integer({ min: 2, max: 10_000 }), major: fc.integer({ min: 1, max: 99 }) })
          .map((m) => ({ kind: 'formato futuro', bytes: legit({ ...header, format: m.format, minProgram: `${m.major}.0.0`, nuovo: true }, changes), reasons: ['future_format'] })),
      },
      {
        weight: 5,
        arbitrary: skew.map((ms) => ({
          kind: 'orologio sfasato',
          bytes: legit(
            { ...header, createdAt: new Date(Date.parse(header.createdAt) + ms).toISOString() },
            changes.map((c) => ({ ...c, hlc: shiftHlc(c.hlc, ms) })),
          ),
          reasons: ['clock'],
        })),
      },
      {
        weight: 3,
        arbitrary: fc
          .record({ i: index, ms: fc.integer({ min: 10 * 60_000, max: 10 * YEAR }) })
          .map(({ i, ms }) => ({ kind: 'una modifica nel futuro', bytes: legit(header, withChange(i, { hlc: shiftHlc(changes[i]!.hlc, ms) })), reasons: ['clock'] })),
      },
      {
        weight: 2,
        arbitrary: index.map((i) => ({ kind: 'modifica di un’altra postazione', bytes: legit(header, withChange(i, { node: amelia.id.node })), reasons: ['bad_body'] })),
      },
      {
        weight: 1,
        arbitrary: fc
          .integer({ min: 0, max: 500 })
          .filter((n) => n !== changes.length)
          .map((count) => ({ kind: 'conteggio sbagliato', bytes: legit({ ...header, count }, changes), reasons: ['bad_body'] })),
      },
    );

    const db = amelia.dbFile;
    const logFile = path.join(path.dirname(db), SYNC_LOG_FILE);
    const hash = () => createHash('sha256').update(fs.readFileSync(db)).digest('hex');
    amelia.store.db.pragma('wal_checkpoint(TRUNCATE)');
    const stamp = () => {
      const s = fs.statSync(db);
      return `${s.size} ${s.mtimeMs} ${s.ctimeMs}`;
    };
    const before = { hash: hash(), stamp: stamp(), persons: personsOf(amelia) };
    // After the truncating checkpoint any commit would append to the WAL and any write would touch the file.
    const unchanged = () => stamp() === before.stamp && fs.statSync(`${db}-wal`).size === 0;
    let logAt = fs.existsSync(logFile) ? fs.statSync(logFile).size : 0;
    let step = 0;
    const seen = new Map<string, number>();

    // The checks of each step are plain comparisons; `expect` runs once, on what failed (it costs more than the cycle).
    fc.assert(
      fc.property(mutation, (m: Mutation) => {
        fs.writeFileSync(target, m.bytes);
        const report = syncNode(amelia, folder);
        const reason = report.rejected[0]?.reason ?? null;
        const size = fs.statSync(logFile).size;
        if (size < logAt) logAt = 0;
        const fd = fs.openSync(logFile, 'r');
        const added = Buffer.alloc(size - logAt);
        fs.readSync(fd, added, 0, added.length, logAt);
        fs.closeSync(fd);
        logAt = size;
        // Exactly one new line in the sync log, this refusal (the log starts afresh past its size limit).
        const lines = added.toString('utf8').split('\n').filter(Boolean);
        const logged = lines.length === 1 ? (JSON.parse(lines[0]!) as { node: string; seq: number; reason: string }) : null;
        const problems = {
          applied: report.receivedSegments !== 0 || report.appliedChanges !== 0,
          notOneRefusal: report.rejected.length !== 1,
          unexpectedReason: reason === null || !m.reasons.includes(reason),
          notWaiting: report.waiting.length !== 1 || report.waiting[0]!.node !== narni.id.node || report.waiting[0]!.seq !== 2,
          databaseWritten: !unchanged(),
          databaseHashChanged: ++step % HASH_EVERY === 0 && hash() !== before.hash,
          notLogged: logged === null || logged.node !== narni.id.node || logged.seq !== 2 || logged.reason !== reason,
          personalDataInLog: /Rossi|Bianchi|Annunzio|0744/.test(added.toString('utf8')),
        };
        if (Object.values(problems).some(Boolean)) expect({ kind: m.kind, reason, problems }).toEqual({ kind: m.kind, reason: m.reasons[0], problems: {} });
        seen.set(m.kind, (seen.get(m.kind) ?? 0) + 1);
      }),
      { numRuns: RUNS, seed: 20261202 },
    );

    expect(hash()).toBe(before.hash);
    expect(personsOf(amelia)).toEqual(before.persons);
    if (RUNS >= 1000) expect(seen.size).toBe(17);
    // The genuine segment, back in its place, applies: nothing that was refused left a trace.
    fs.writeFileSync(target, good);
    expect(syncNode(amelia, folder)).toMatchObject({ receivedSegments: 1, rejected: [], waiting: [] });
    expect(personsOf(amelia)).toEqual(personsOf(narni));
    // Nor on the clock: Amelia's next stamp is of now, not of a refused future.
    addPerson(amelia, 'Verdi');
    const { hlc } = amelia.store.db.prepare('SELECT max(hlc) AS hlc FROM changes WHERE node = ?').get(amelia.id.node) as { hlc: string };
    expect(Date.parse(hlc.slice(0, 24))).toBeLessThan(Date.now() + 2000);
  });
});

function flip(bytes: Buffer, at: number, bit: number): Buffer {
  const out = Buffer.from(bytes);
  out[at] = out[at]! ^ (1 << bit);
  return out;
}
