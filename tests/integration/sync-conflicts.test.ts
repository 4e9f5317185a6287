import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from '../../electron/core/app';
import type { ConflictListData } from '../../shared/contracts/conflicts';
import { call, callError } from '../support/core-harness';
import { COLLOQUIO, MARINI, exchange, loginAt, twoSedi, type TwoSedi } from '../support/conflict-nodes';

let t: TwoSedi;
let narni: Connection;
let amelia: Connection;
const NARNI_TEXT = 'Colloquio a Narni: la signora chiede un aiuto per l’affitto.';
const AMELIA_TEXT = 'Colloquio ad Amelia: concordata una visita domiciliare per giovedì.';

beforeAll(async () => {
  t = await twoSedi();
  narni = await loginAt(t.narni, t.usernames.assistente_sociale);
  amelia = await loginAt(t.amelia, t.usernames.assistente_sociale);
  exchange(t);
  // The same entry and the same telephone number changed at both sedi before they sync.
  await call(narni, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: NARNI_TEXT });
  await call(amelia, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: AMELIA_TEXT });
  await call(narni, 'persons.update', { id: t.personId, ...MARINI, telefono: '0744 111111' });
  await call(amelia, 'persons.update', { id: t.personId, ...MARINI, telefono: '0744 222222' });
  exchange(t);
}, 60_000);

afterAll(() => t?.close());

const byField = (list: ConflictListData, field: string) => list.conflicts.find((c) => c.field === field);

describe('Conflitti: modifiche contemporanee dello stesso campo in due sedi', () => {
  it('each conflict is listed at both sedi, with both values, which workstation wrote each and when', async () => {
    for (const [conn, own] of [
      [narni, t.narni],
      [amelia, t.amelia],
    ] as const) {
      const list = await call(conn, 'conflicts.list', {});
      expect(list.conflicts.map((c) => `${c.recordKind} · ${c.field}`).sort()).toEqual(['Persona · Telefono', 'Voce di diario · Testo']);
      const diary = byField(list, 'Testo')!;
      expect(diary).toMatchObject({ mergeable: true, resolvable: true, record: { field: 'diaryId', id: t.diaryId } });
      expect(diary.recordLabel).toMatch(/^\d{4}\/A-\d{4} · Colloquio del /);
      expect(diary.versions.map((v) => v.value).sort()).toEqual([AMELIA_TEXT, NARNI_TEXT].sort());
      expect(diary.versions.filter((v) => v.current)).toHaveLength(1);
      expect(diary.versions.map((v) => v.workstation)).toContain('Questa postazione');
      expect(diary.versions.map((v) => v.node).sort()).toEqual([t.narni.id.node, t.amelia.id.node].sort());
      for (const v of diary.versions) expect(Date.parse(v.writtenAt)).toBeGreaterThan(Date.now() - 120_000);
      const phone = byField(list, 'Telefono')!;
      expect(phone).toMatchObject({ recordLabel: 'Marini Teresa', mergeable: false, record: { field: 'personId', id: t.personId } });
      expect(phone.versions.map((v) => v.value).sort()).toEqual(['0744 111111', '0744 222222']);
      expect(await call(conn, 'conflicts.count', {})).toEqual({ count: 2 });
      expect(own.store.sync.conflicts()).toHaveLength(2);
    }
    // The same winner at both sedi: the table holds the same value.
    const winner = (await call(narni, 'conflicts.list', {})).conflicts.map((c) => c.versions[0]!.value);
    expect((await call(amelia, 'conflicts.list', {})).conflicts.map((c) => c.versions[0]!.value)).toEqual(winner);
  });

  it('a paired workstation is named by the label it was paired with, not by its code', async () => {
    const actor = { userId: null, username: 'admin', profile: null, workstation: 'test' };
    t.narni.store.writer.insert(
      actor,
      'sync_nodes',
      t.amelia.id.node,
      { label: 'Amelia – PC segreteria', public_key: 'x', paired_at: new Date().toISOString(), paired_by: 'admin', revoked_at: null, revoked_by: null },
      { log: 'admin', action: 'sync.pair' },
    );
    const phone = byField(await call(narni, 'conflicts.list', {}), 'Telefono')!;
    expect(phone.versions.map((v) => v.workstation).sort()).toEqual(['Postazione «Amelia – PC segreteria»', 'Questa postazione']);
  });

  it('the diary entry carries the marker "versione in conflitto" until it is resolved', async () => {
    const detail = await call(narni, 'cases.get', { id: t.caseId });
    expect(detail.diary.find((d) => d.id === t.diaryId)?.inConflitto).toBe(true);
  });

  it('a user who cannot read the case sees nothing of it, not even in the count', async () => {
    const educatore = await loginAt(t.narni, t.usernames.educatore);
    expect(await call(educatore, 'conflicts.list', {})).toEqual({ conflicts: [] });
    expect(await call(educatore, 'conflicts.count', {})).toEqual({ count: 0 });
    const list = await call(narni, 'conflicts.list', {});
    const diary = byField(list, 'Testo')!;
    const refused = await callError(educatore, 'conflicts.resolve', { conflict: diary.id, keep: diary.versions[0]!.stamp, diaryId: t.diaryId });
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).not.toContain('Marini');
    // The administrator's profile reads no one's file: the same.
    const admin = await loginAt(t.narni, t.usernames.amministratore);
    expect(await call(admin, 'conflicts.count', {})).toEqual({ count: 0 });
  });

  it('the decision must name the conflict’s own record: another record id is refused', async () => {
    const list = await call(narni, 'conflicts.list', {});
    const diary = byField(list, 'Testo')!;
    const wrong = await callError(narni, 'conflicts.resolve', { conflict: diary.id, keep: diary.versions[0]!.stamp, personId: t.personId });
    expect(wrong.code).toBe('VALIDATION');
    const phone = byField(list, 'Telefono')!;
    const merged = await callError(narni, 'conflicts.resolve', { conflict: phone.id, merged: '0744 1', personId: t.personId });
    expect(merged.message).toMatch(/non è un testo libero/);
    expect((await call(narni, 'conflicts.list', {})).conflicts).toHaveLength(2);
  });

  it('resolved at Narni (texts merged, one number kept): closed there, and at Amelia after the next sync; nothing lost', async () => {
    const list = await call(narni, 'conflicts.list', {});
    const diary = byField(list, 'Testo')!;
    const mergedText = `${NARNI_TEXT}\n${AMELIA_TEXT}`;
    await call(narni, 'conflicts.resolve', { conflict: diary.id, merged: mergedText, diaryId: t.diaryId });
    const phone = byField(list, 'Telefono')!;
    const kept = phone.versions.find((v) => v.value === '0744 222222')!;
    const after = await call(narni, 'conflicts.resolve', { conflict: phone.id, keep: kept.stamp, personId: t.personId });
    expect(after.conflicts).toEqual([]);
    expect((await call(amelia, 'conflicts.count', {})).count).toBe(2);
    // Resolving again (a second window, the other sede) says it is already settled.
    expect((await callError(narni, 'conflicts.resolve', { conflict: diary.id, keep: diary.versions[0]!.stamp, diaryId: t.diaryId })).code).toBe('NOT_FOUND');

    exchange(t);
    t.amelia.sync();
    expect(await call(amelia, 'conflicts.list', {})).toEqual({ conflicts: [] });
    for (const conn of [narni, amelia]) {
      const detail = await call(conn, 'cases.get', { id: t.caseId });
      const entry = detail.diary.find((d) => d.id === t.diaryId)!;
      expect(entry.testo).toBe(mergedText);
      expect(entry.inConflitto).toBe(false);
      expect((await call(conn, 'persons.get', { id: t.personId })).person.telefono).toBe('0744 222222');
    }
    // Each sede's own earlier version of the entry is kept in its history too.
    const versions = await call(amelia, 'diary.get', { id: t.diaryId });
    expect(versions.versions.map((v) => v.testo)).toContain(COLLOQUIO.testo);
  });

  it('keeping one diary text keeps the other among the entry’s earlier versions, at both sedi', async () => {
    await call(narni, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: 'Terza versione, Narni.' });
    await call(amelia, 'diary.update', { id: t.diaryId, ...COLLOQUIO, testo: 'Terza versione, Amelia.' });
    exchange(t);
    const diary = byField(await call(amelia, 'conflicts.list', {}), 'Testo')!;
    const keep = diary.versions.find((v) => v.value === 'Terza versione, Amelia.')!;
    await call(amelia, 'conflicts.resolve', { conflict: diary.id, keep: keep.stamp, diaryId: t.diaryId });
    exchange(t);
    for (const conn of [narni, amelia]) {
      const got = await call(conn, 'diary.get', { id: t.diaryId });
      expect(got.entry.testo).toBe('Terza versione, Amelia.');
      expect(got.versions.map((v) => v.testo)).toContain('Terza versione, Narni.');
    }
    expect(await call(narni, 'conflicts.count', {})).toEqual({ count: 0 });
  });

  it('the decision is audited with who took it, in words', () => {
    const all = t.narni.store.db.prepare(`SELECT outcome, username, subject_label, detail FROM audit_log WHERE action = 'conflicts.resolve' ORDER BY seq`).all() as {
      outcome: string;
      username: string;
      subject_label: string;
      detail: string;
    }[];
    // The educatore's refused attempt is recorded too.
    expect(all.filter((r) => r.outcome === 'denied').map((r) => r.username)).toEqual([t.usernames.educatore]);
    const rows = all.filter((r) => r.outcome === 'ok');
    // Both texts set aside by the merge are kept as earlier versions of the entry, each audited.
    expect(rows.map((r) => r.detail.replace(/ la versione .*$/, ' …'))).toEqual([
      'Versione in conflitto conservata',
      'Versione in conflitto conservata',
      'Numero di versione aggiornato',
      'Voce di diario · Testo: testi uniti',
      'Persona · Telefono: mantenuta …',
    ]);
    // Which version is "attuale" depends on the clocks: the detail names it and where it came from.
    expect(rows[4]!.detail).toMatch(
      /^Persona · Telefono: mantenuta la versione (attuale|alternativa) \((Questa postazione|Postazione [0-9a-f]{8}|Postazione «Amelia – PC segreteria»)\)$/,
    );
    expect(rows[4]!.subject_label).toBe('Marini Teresa');
    expect(rows.every((r) => r.username === t.usernames.assistente_sociale)).toBe(true);
  });
});
