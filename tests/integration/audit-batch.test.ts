import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AUDIT_BATCH_MS } from '../../electron/core/db/audit-batch';
import { PersonsService } from '../../electron/core/services/persons/persons.service';
import { NO_PLACE_NAMES } from '../../electron/core/services/persons/place-names';
import type { WorkContext } from '../../electron/core/services/work-context';
import { Store } from '../../electron/core/store';
import { addDays } from '../../shared/domain/dates';
import { ADMIN, call, inspectDatabase, setUpZone, tempDir } from '../support/core-harness';
import { TODAY, person, sedeId, staff } from '../support/cartella-fixtures';

const SEARCH = { comuneIstat: null, area: null, stato: null, operatoreId: null, limit: 25 } as const;

function storeWithWork(): { store: Store; work: WorkContext; file: string; key: Buffer } {
  const file = path.join(tempDir(), 'batch.db');
  const key = randomBytes(32);
  const store = Store.open(file, key, true);
  const work: WorkContext = {
    store,
    actor: { userId: null, username: 'u.as', profile: 'assistente_sociale', workstation: 'test' },
    userId: 'u1',
    profile: 'assistente_sociale',
    now: Date.now,
  };
  return { store, work, file, key };
}

const searchRows = (store: Store) =>
  store.db.prepare(`SELECT seq, action, detail FROM audit_log WHERE action = 'persons.search' ORDER BY seq`).all() as { seq: number; action: string; detail: string }[];

afterEach(() => {
  vi.useRealTimers();
});

describe('batched audit rows of list views', () => {
  it('reach the audit table within one second of a search, in one transaction, the chain intact', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, work } = storeWithWork();
    const persons = new PersonsService(work, NO_PLACE_NAMES);
    persons.search({ ...SEARCH, query: 'Rossi' });
    persons.search({ ...SEARCH, query: 'Bianchi' });
    expect(searchRows(store)).toEqual([]);
    expect(store.writer.pendingAudit).toBe(2);
    vi.advanceTimersByTime(AUDIT_BATCH_MS - 1);
    expect(searchRows(store)).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(searchRows(store).map((r) => r.detail)).toEqual(['«Rossi»: 0 risultati', '«Bianchi»: 0 risultati']);
    expect(store.writer.pendingAudit).toBe(0);
    expect(store.audit.verify('data')).toMatchObject({ ok: true, checked: 2 });
    store.close();
  });

  it('go in before the next write, so the chain keeps the order of events; a rolled-back write keeps them queued', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, work } = storeWithWork();
    const persons = new PersonsService(work, NO_PLACE_NAMES);
    persons.search({ ...SEARCH, query: 'Verdi' });
    expect(() =>
      store.writer.transaction(() => {
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect(searchRows(store)).toEqual([]);
    expect(store.writer.pendingAudit).toBe(1);
    store.writer.record(work.actor, { log: 'data', action: 'persons.get', subjectType: 'persona', subjectId: 'p1' });
    const rows = store.db.prepare(`SELECT action FROM audit_log ORDER BY seq`).all() as { action: string }[];
    expect(rows.map((r) => r.action)).toEqual(['persons.search', 'persons.get']);
    expect(store.writer.pendingAudit).toBe(0);
    store.close();
  });

  it('are written when the store closes', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { store, work, file, key } = storeWithWork();
    new PersonsService(work, NO_PLACE_NAMES).search({ ...SEARCH, query: 'Neri' });
    store.close();
    const again = Store.open(file, key);
    expect(searchRows(again).map((r) => r.detail)).toEqual(['«Neri»: 0 risultati']);
    expect(again.audit.verify('data').ok).toBe(true);
    again.close();
  });

  it('are flushed on session lock and on closing the core; opening a person is written at once', async () => {
    const { core, admin, dataDir } = await setUpZone();
    const s = await staff(core, admin);
    const as = s.assistente_sociale;
    const created = await call(s.amministrativo.conn, 'persons.create', person({ cognome: 'Batchelli', nome: 'Lia' }));
    await call(as.conn, 'persons.search', { query: 'Batchelli' });
    const look = async (sql: string) => {
      const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
      try {
        return db.prepare(sql).all() as { action: string; username: string }[];
      } finally {
        db.close();
      }
    };
    const searches = `SELECT action, username FROM audit_log WHERE action = 'persons.search' AND detail LIKE '«Batchelli»%'`;
    expect(await look(searches)).toEqual([]);
    await call(as.conn, 'persons.get', { id: created.person.id });
    // The read of one person is on disk before its data reaches the caller, and took the queued row with it.
    expect(await look(`SELECT action, username FROM audit_log WHERE subject_id = '${created.person.id}' AND action = 'persons.get'`)).toHaveLength(1);
    expect(await look(searches)).toHaveLength(1);

    await call(as.conn, 'persons.search', { query: 'Batchelli' });
    await call(as.conn, 'auth.lock', {});
    expect(await look(searches)).toHaveLength(2);

    const amelia = await sedeId(s.amministrativo.conn, 'Amelia');
    const day = addDays(TODAY, 1);
    await call(s.amministrativo.conn, 'agenda.save', {
      tipo: 'colloquio',
      sedeId: amelia,
      roomId: null,
      comuneIstat: null,
      indirizzo: '',
      operatorIds: [s.amministrativo.id],
      personId: created.person.id,
      caseId: null,
      start: `${day}T10:00`,
      end: `${day}T11:00`,
      rrule: '',
      note: '',
      confermaConflitti: true,
    });
    await call(s.amministrativo.conn, 'agenda.list', { from: TODAY, to: addDays(TODAY, 7), sedeId: amelia });
    const weeks = `SELECT action, username FROM audit_log WHERE action = 'agenda.list' AND subject_id = '${created.person.id}'`;
    expect(await look(weeks)).toEqual([]);
    core.close();
    expect(await look(weeks)).toEqual([{ action: 'agenda.list', username: s.amministrativo.username }]);
    const db = await inspectDatabase(dataDir, ADMIN.username, ADMIN.password);
    const { Store: S } = await import('../../electron/core/store');
    expect(S.over(db).audit.verify('data').ok).toBe(true);
    db.close();
  });
});
