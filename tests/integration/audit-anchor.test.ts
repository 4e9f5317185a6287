import type { StoredRow } from '../../electron/core/db/repositories/audit.repo';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type Database from 'better-sqlite3-multiple-ciphers';
import { createCore, type Core } from '../../electron/core/app';
import { AuditRepository, chainHash } from '../../electron/core/db/repositories/audit.repo';
import { ADMIN, TEST_KDF, call, inspectDatabase, loginAs, setUpZone, setupInput, tempDir, testCore } from '../support/core-harness';

/*
 * The attacks of issue 7, made as the attacker made them: with the database key (unwrapped by
 * inspectDatabase), drop the append-only triggers, delete or re-hash rows with the program's
 * own chainHash, put the triggers back. The chain walk alone passes every one of these.
 */

type Table = 'audit_log' | 'admin_log';
type Row = StoredRow;

const cores: Core[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

function withoutTriggers(db: Database.Database, table: Table, tamper: () => void): void {
  db.exec(`DROP TRIGGER ${table}_no_update; DROP TRIGGER ${table}_no_delete;`);
  tamper();
  db.exec(`
    CREATE TRIGGER ${table}_no_update BEFORE UPDATE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
    CREATE TRIGGER ${table}_no_delete BEFORE DELETE ON ${table} BEGIN SELECT RAISE(ABORT, '${table} is append-only'); END;
  `);
}

/** Delete one row and renumber and re-hash every row after it: the walk sees a whole chain. */
function deleteAndRehash(db: Database.Database, table: Table, victim: number): number {
  const rows = db.prepare(`SELECT * FROM ${table} WHERE seq >= ? ORDER BY seq`).all(victim) as Row[];
  let prevHash = (db.prepare(`SELECT hash FROM ${table} WHERE seq = ?`).get(victim - 1) as { hash: string }).hash;
  withoutTriggers(db, table, () => {
    db.prepare(`DELETE FROM ${table} WHERE seq >= ?`).run(victim);
    const insert = db.prepare(
      `INSERT INTO ${table} (seq, at, user_id, username, profile, workstation, action, subject_type, subject_id,
         subject_label, purpose, outcome, detail, prev_hash, hash)
       VALUES (@seq, @at, @user_id, @username, @profile, @workstation, @action, @subject_type, @subject_id,
         @subject_label, @purpose, @outcome, @detail, @prev_hash, @hash)`,
    );
    for (const row of rows.slice(1)) {
      const { prev_hash: _p, hash: _h, ...fields } = row;
      const moved = { ...fields, seq: row.seq - 1 };
      const hash = chainHash(prevHash, moved);
      insert.run({ ...moved, prev_hash: prevHash, hash });
      prevHash = hash;
    }
  });
  return rows.length - 1;
}

/** The last admin_log number, read from the database itself (the old code kept no anchor). */
async function adminHead(dataDir: string, password: string): Promise<number> {
  const db = await inspect(dataDir, password);
  const { n } = db.prepare('SELECT max(seq) AS n FROM admin_log').get() as { n: number };
  db.close();
  return n;
}

/** The walk alone, as `audit verify` did before anchors: the attacks below all pass it. */
function walkIsIntact(db: Database.Database): boolean {
  const repo = new AuditRepository(db);
  return repo.verify('admin').ok && repo.verify('data').ok;
}

/** A zone with a few dozen admin rows, closed: the vault anchored its heads on the way out. */
async function closedZoneWithHistory(): Promise<{ dataDir: string; password: string; head: number }> {
  const { core, admin, dataDir } = await setUpZone(tempDir('udc-anchor-'));
  for (let i = 0; i < 15; i++) await call(admin, 'users.list', {});
  await call(admin, 'auth.logout', {});
  core.close();
  return { dataDir, password: ADMIN.password, head: await adminHead(dataDir, ADMIN.password) };
}

async function workSession(dataDir: string, password: string, reads: number): Promise<number> {
  const core = testCore(dataDir);
  const { conn } = await loginAs(core, ADMIN.username, password);
  for (let i = 0; i < reads; i++) await call(conn, 'users.list', {});
  await call(conn, 'auth.logout', {});
  core.close();
  return adminHead(dataDir, password);
}

async function verifyAs(dataDir: string, password: string) {
  const core = testCore(dataDir);
  cores.push(core);
  const { conn } = await loginAs(core, ADMIN.username, password);
  return call(conn, 'audit.verify', {});
}

function inspect(dataDir: string, password: string): Promise<Database.Database> {
  return inspectDatabase(dataDir, ADMIN.username, password);
}

function readAnchors(dataDir: string): { data: { seq: number; hash: string }; admin: { seq: number; hash: string }; at: string; mac: string }[] {
  return (JSON.parse(fs.readFileSync(path.join(dataDir, 'chiavi.json'), 'utf8')) as { anchors?: never[] }).anchors ?? [];
}

describe('audit chains anchored outside the database (issue 7)', () => {
  it('deleting one row and re-hashing the 26 rows after it is reported as a rewrite', async () => {
    const { dataDir, password, head: firstHead } = await closedZoneWithHistory();
    // A second working session: closing it anchors again, keeping the first anchor as the previous one.
    const head = await workSession(dataDir, password, 10);
    expect(head - firstHead).toBeLessThan(26);
    const db = await inspect(dataDir, password);
    expect(deleteAndRehash(db, 'admin_log', head - 26)).toBe(26);
    expect(walkIsIntact(db)).toBe(true);
    db.close();

    const report = await verifyAs(dataDir, password);
    expect(report.admin.ok).toBe(false);
    expect(report.admin.anchor.status).toBe('rewritten');
    expect(report.admin.firstBroken?.seq).toBe(firstHead);
    expect(report.admin.firstBroken?.reason).toMatch(
      new RegExp(`^la catena è stata riscritta fino alla registrazione n\\. ${firstHead} \\(ancoraggio del \\d\\d/\\d\\d/\\d{4} alle \\d\\d:\\d\\d\\)$`),
    );
    expect(report.data.ok).toBe(true);
    expect(readAnchors(dataDir).map((a) => a.admin.seq)).toEqual([head, firstHead]);
  });

  it('a row deleted after the previous anchor, the rest renumbered, still breaks: the chain is shorter than anchored', async () => {
    const first = await closedZoneWithHistory();
    const { dataDir, password } = first;
    const head = await workSession(dataDir, password, 5);
    expect(head - 3).toBeGreaterThan(first.head);
    const db = await inspect(dataDir, password);
    deleteAndRehash(db, 'admin_log', head - 3);
    expect(walkIsIntact(db)).toBe(true);
    db.close();
    const report = await verifyAs(dataDir, password);
    expect(report.admin).toMatchObject({ ok: false, anchor: { status: 'cut' }, firstBroken: { seq: head } });
    expect(report.admin.firstBroken?.reason).toMatch(new RegExp(`^manca la registrazione n\\. ${head} \\(tagliata dopo l'ancoraggio del `));
  });

  it('deleting the last 5 rows of admin_log is reported as a cut naming the missing numbers', async () => {
    const { dataDir, password, head } = await closedZoneWithHistory();
    const db = await inspect(dataDir, password);
    withoutTriggers(db, 'admin_log', () => db.prepare('DELETE FROM admin_log WHERE seq > ?').run(head - 5));
    expect(walkIsIntact(db)).toBe(true);
    db.close();

    const report = await verifyAs(dataDir, password);
    expect(report.admin.ok).toBe(false);
    expect(report.admin.anchor.status).toBe('cut');
    expect(report.admin.firstBroken?.seq).toBe(head - 4);
    expect(report.admin.firstBroken?.reason).toMatch(new RegExp(`^mancano le registrazioni dalla n\\. ${head - 4} alla n\\. ${head} \\(tagliate dopo l'ancoraggio del `));
  });

  it('an untouched archive is intact and consistent with its anchor, which then moves forward', async () => {
    const { dataDir, password, head } = await closedZoneWithHistory();
    const before = readAnchors(dataDir);
    // The first anchoring is logged, and that row anchored in turn: two anchors at the first closing.
    expect(before.map((a) => a.admin.seq)).toEqual([head, head - 1]);
    const report = await verifyAs(dataDir, password);
    expect(report.admin).toMatchObject({ ok: true, firstBroken: null, anchor: { status: 'ok', seq: before[0]!.admin.seq, at: before[0]!.at } });
    expect(report.data).toMatchObject({ ok: true, anchor: { status: 'ok', seq: before[0]!.data.seq } });
    expect(report.admin.anchor.message).toMatch(/^coerente con l'ancoraggio esterno del /);
    const after = readAnchors(dataDir);
    expect(after).toHaveLength(2);
    expect(after[0]!.admin.seq).toBeGreaterThan(before[0]!.admin.seq);
    expect(after[1]).toEqual(before[0]);
  });

  it('an anchor edited in chiavi.json (another seq) is reported as not authentic, and not replaced', async () => {
    const { dataDir, password } = await closedZoneWithHistory();
    const file = path.join(dataDir, 'chiavi.json');
    const keyFile = JSON.parse(fs.readFileSync(file, 'utf8')) as { anchors: { admin: { seq: number } }[] };
    keyFile.anchors[0]!.admin.seq -= 3;
    fs.writeFileSync(file, JSON.stringify(keyFile, null, 2));

    const report = await verifyAs(dataDir, password);
    expect(report.admin).toMatchObject({ ok: false, firstBroken: null, anchor: { status: 'invalid' } });
    expect(report.data.anchor.status).toBe('invalid');
    expect(report.admin.anchor.message).toMatch(/non è autentico/);
    cores.splice(0).forEach((c) => c.close());
    expect(readAnchors(dataDir)[0]!.admin.seq).toBe(keyFile.anchors[0]!.admin.seq);
  });

  it('before the first closing there is no anchor yet, which is not an error', async () => {
    const { core, admin, dataDir } = await setUpZone(tempDir('udc-anchor-'));
    cores.push(core);
    const report = await call(admin, 'audit.verify', {});
    expect(report.admin).toMatchObject({ ok: true, anchor: { status: 'none', at: null } });
    expect(report.admin.anchor.message).toMatch(/^nessun ancoraggio esterno ancora/);
    // The verify itself anchored the clean chains (and the row logging the first anchor).
    expect(readAnchors(dataDir)).toHaveLength(2);
  });

  it('anchors removed from chiavi.json after the first one are reported as missing', async () => {
    const { dataDir, password } = await closedZoneWithHistory();
    const file = path.join(dataDir, 'chiavi.json');
    const keyFile = JSON.parse(fs.readFileSync(file, 'utf8')) as { anchors?: unknown };
    delete keyFile.anchors;
    fs.writeFileSync(file, JSON.stringify(keyFile, null, 2));
    const report = await verifyAs(dataDir, password);
    expect(report.admin).toMatchObject({ ok: false, anchor: { status: 'missing' } });
  });

  it('an anchor from another archive is rejected', async () => {
    const one = await closedZoneWithHistory();
    const other = await closedZoneWithHistory();
    const file = path.join(one.dataDir, 'chiavi.json');
    const keyFile = JSON.parse(fs.readFileSync(file, 'utf8')) as { anchors: unknown[] };
    keyFile.anchors = readAnchors(other.dataDir);
    fs.writeFileSync(file, JSON.stringify(keyFile, null, 2));
    const report = await verifyAs(one.dataDir, one.password);
    expect(report.data.anchor.status).toBe('invalid');
  });

  it('a cut found when the database opens is logged, and the old anchor is kept', async () => {
    const { dataDir, password } = await closedZoneWithHistory();
    const anchored = readAnchors(dataDir)[0]!;
    const db = await inspect(dataDir, password);
    withoutTriggers(db, 'admin_log', () => db.prepare('DELETE FROM admin_log WHERE seq > ?').run(anchored.admin.seq - 2));
    db.close();
    const core = testCore(dataDir);
    const { conn } = await loginAs(core, ADMIN.username, password);
    await call(conn, 'auth.logout', {});
    core.close();
    expect(readAnchors(dataDir)[0]).toEqual(anchored);
    const check = await inspect(dataDir, password);
    const logged = check.prepare(`SELECT outcome, detail FROM admin_log WHERE action = 'audit.anchor.break'`).all() as { outcome: string; detail: string }[];
    check.close();
    expect(logged).toHaveLength(1);
    expect(logged[0]!.outcome).toBe('error');
    expect(logged[0]!.detail).toMatch(new RegExp(`dalla n\\. ${anchored.admin.seq - 1} alla n\\. ${anchored.admin.seq}`));
  });

  it('anchors periodically while the database is open (interval injected)', async () => {
    const dataDir = tempDir('udc-anchor-');
    const core = createCore({ dataDir, workstation: 'postazione-test', passwordKdf: TEST_KDF, anchorIntervalMs: 20 });
    cores.push(core);
    const admin = core.connect('test');
    await call(admin, 'setup.init', setupInput());
    await vi.waitFor(() => expect(readAnchors(dataDir)).toHaveLength(2), { timeout: 5000, interval: 10 });
    const first = readAnchors(dataDir)[0]!;
    await call(admin, 'users.list', {});
    await vi.waitFor(() => expect(readAnchors(dataDir)[0]!.admin.seq).toBeGreaterThan(first.admin.seq), { timeout: 5000, interval: 10 });
  });
});
