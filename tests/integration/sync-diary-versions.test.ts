import { afterEach, describe, expect, it } from 'vitest';
import { contentStats } from '../../electron/core/services/sync/content-stats';
import { call } from '../support/core-harness';
import { COLLOQUIO, exchange, loginAt, twoSedi, type TwoSedi } from '../support/conflict-nodes';

let t: TwoSedi | null = null;
afterEach(() => {
  t?.close();
  t = null;
});

const versions = (s: TwoSedi['narni'], entryId: string) =>
  s.store.db.prepare('SELECT versione, testo FROM diary_versions WHERE entry_id = ? ORDER BY versione, id').all(entryId) as { versione: number; testo: string }[];
const pending = (s: TwoSedi['narni']) => (s.store.db.prepare('SELECT count(*) AS n FROM sync_pending_rows').get() as { n: number }).n;

describe('diario: la stessa voce modificata in due sedi prima di sincronizzare', { timeout: 120_000 }, () => {
  it('le due versioni precedenti (numerate entrambe 1) arrivano in tutte e due le sedi, che restano identiche', async () => {
    const z = (t = await twoSedi());
    const narni = await loginAt(z.narni, z.usernames.assistente_sociale);
    const amelia = await loginAt(z.amelia, z.usernames.assistente_sociale);
    exchange(z);
    await call(narni, 'diary.update', { id: z.diaryId, ...COLLOQUIO, testo: 'Versione scritta a Narni.' });
    await call(amelia, 'diary.update', { id: z.diaryId, ...COLLOQUIO, testo: 'Versione scritta ad Amelia.' });
    exchange(z);
    for (const s of [z.narni, z.amelia]) {
      // Each sede kept the text it replaced as version 1: both rows, at both sedi, none left waiting.
      expect(versions(s, z.diaryId)).toEqual([
        { versione: 1, testo: COLLOQUIO.testo },
        { versione: 1, testo: COLLOQUIO.testo },
      ]);
      expect(pending(s)).toBe(0);
    }
    expect(contentStats(z.amelia.store)).toEqual(contentStats(z.narni.store));
    // Settling the text conflict keeps the set-aside version too, numbered on: nothing collides.
    const conflict = (await call(narni, 'conflicts.list', {})).conflicts.find((c) => c.field === 'Testo')!;
    await call(narni, 'conflicts.resolve', { conflict: conflict.id, keep: conflict.versions[0]!.stamp, diaryId: z.diaryId });
    exchange(z);
    expect(versions(z.amelia, z.diaryId)).toEqual(versions(z.narni, z.diaryId));
    expect(versions(z.narni, z.diaryId)).toHaveLength(3);
    expect(contentStats(z.amelia.store)).toEqual(contentStats(z.narni.store));
  });
});
