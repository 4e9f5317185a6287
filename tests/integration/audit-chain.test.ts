import path from 'node:path';
import { randomBytes, randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openDatabase } from '../../electron/core/db/open';
import { AuditRepository, type Actor } from '../../electron/core/db/repositories/audit.repo';
import { tempDir } from '../support/core-harness';

const actor: Actor = { userId: 'u1', username: 'mrossi', profile: 'assistente_sociale', workstation: 'narni-01' };
const COLUMNS = ['at', 'user_id', 'username', 'profile', 'workstation', 'action', 'subject_type', 'subject_id', 'subject_label', 'purpose', 'outcome', 'detail'];

function freshLog() {
  const db = openDatabase(path.join(tempDir(), 'audit.db'), randomBytes(32), { create: true });
  return { db, repo: new AuditRepository(db) };
}

describe('audit log: append-only, hash-chained', () => {
  it('N random operations produce exactly the expected rows, in order, chain intact', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            log: fc.constantFrom('data' as const, 'admin' as const),
            action: fc.constantFrom('case.read', 'diary.read', 'users.create', 'zone.update'),
            subjectId: fc.option(fc.uuid(), { nil: null }),
            outcome: fc.constantFrom('ok' as const, 'denied' as const),
            detail: fc.option(fc.string({ maxLength: 40 }), { nil: null }),
          }),
          { maxLength: 40 },
        ),
        (ops) => {
          const { db, repo } = freshLog();
          for (const op of ops) repo.append(actor, op);
          for (const log of ['data', 'admin'] as const) {
            const expected = ops.filter((o) => o.log === log);
            const rows = repo.list(log, { outcome: null, username: null, beforeSeq: null, limit: 500 }).rows.reverse();
            expect(rows.map((r) => [r.action, r.subjectId, r.outcome, r.detail, r.username, r.workstation])).toEqual(
              expected.map((o) => [o.action, o.subjectId, o.outcome, o.detail, 'mrossi', 'narni-01']),
            );
            expect(rows.map((r) => r.seq)).toEqual(expected.map((_, i) => i + 1));
            expect(repo.verify(log)).toEqual({ ok: true, checked: expected.length, firstBroken: null });
          }
          db.close();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('triggers refuse UPDATE and DELETE', () => {
    const { db, repo } = freshLog();
    repo.append(actor, { log: 'data', action: 'case.read' });
    expect(() => db.prepare(`UPDATE audit_log SET username = 'x'`).run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });

  it('detects 100 of 100 single-row alterations and names the altered row', () => {
    const { db, repo } = freshLog();
    for (let i = 0; i < 60; i++) repo.append(actor, { log: 'data', action: 'case.read', subjectId: `s${i}`, detail: `lettura ${i}` });
    let detected = 0;
    for (let trial = 0; trial < 100; trial++) {
      const seq = randomInt(1, 61);
      const column = COLUMNS[randomInt(0, COLUMNS.length)] as string;
      db.exec('SAVEPOINT tamper');
      db.exec('DROP TRIGGER audit_log_no_update');
      const value = column === 'outcome' ? 'error' : `alterato-${trial}`;
      const current = db.prepare(`SELECT ${column} AS v FROM audit_log WHERE seq = ?`).get(seq) as { v: unknown };
      db.prepare(`UPDATE audit_log SET ${column} = ? WHERE seq = ?`).run(current.v === value ? 'ok' : value, seq);
      const report = repo.verify('data');
      if (!report.ok && report.firstBroken?.seq === seq) detected++;
      db.exec('ROLLBACK TO tamper');
      db.exec('RELEASE tamper');
    }
    expect(detected).toBe(100);
    expect(repo.verify('data').ok).toBe(true);
    db.close();
  });

  it('detects a deleted row and a rewritten tail', () => {
    const { db, repo } = freshLog();
    for (let i = 0; i < 10; i++) repo.append(actor, { log: 'admin', action: 'users.list' });
    db.exec('DROP TRIGGER admin_log_no_delete');
    db.prepare('DELETE FROM admin_log WHERE seq = 4').run();
    expect(repo.verify('admin')).toMatchObject({ ok: false, checked: 3, firstBroken: { seq: 4 } });
    db.close();
  });
});
