import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SYNC_LOG_FILE } from '../../electron/core/sync/sync-log';
import { tempDir } from '../support/core-harness';
import { addPerson, filesIn, personsOf, rawZone, syncNode, type RawNode } from '../support/raw-sync-nodes';

const z = rawZone();
afterAll(() => z.close());

/** The share unmounted (or the stick pulled) at one moment of the cycle: its folder is gone from that path. */
function vanishAt(folder: string, when: (done: number, total: number) => boolean) {
  const aside = `${folder}.smontata`;
  let gone = false;
  return {
    progress: (done: number, total: number) => {
      if (!gone && when(done, total)) {
        fs.renameSync(folder, aside);
        gone = true;
      }
    },
    get gone() {
      return gone;
    },
    back: () => fs.renameSync(aside, folder),
  };
}

const meta = (n: RawNode, key: string) => n.store.writer.getMeta(key);
const logLines = (n: RawNode) => {
  const file = path.join(path.dirname(n.dbFile), SYNC_LOG_FILE);
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).length : 0;
};

describe('sincronizzazione: la cartella sparisce a metà ciclo', () => {
  it('durante la lettura: i pacchetti già letti restano interi, gli altri aspettano, un messaggio chiaro; nulla rifiutato né archiviato', () => {
    const folder = tempDir('udc-share-');
    const narni = z.node();
    const amelia = z.node();
    addPerson(narni, 'Primo');
    syncNode(narni, folder);
    addPerson(narni, 'Secondo');
    addPerson(narni, 'Terzo');
    syncNode(narni, folder);
    const v = vanishAt(folder, (done, total) => done === 2 && total === 4);
    expect(() => syncNode(amelia, folder, v.progress)).toThrow(/sparita durante la sincronizzazione: non è stato cancellato nulla/);
    expect(v.gone).toBe(true);
    // The first segment whole, nothing of the second; the path is not recreated; not a refusal.
    expect(personsOf(amelia).map((p) => (p as { cognome: string }).cognome)).toEqual(['Primo']);
    expect(meta(amelia, `sync_cursor:${narni.id.node}`)).toBe('1');
    expect(fs.existsSync(folder)).toBe(false);
    expect(logLines(amelia)).toBe(0);
    v.back();
    expect(syncNode(amelia, folder)).toMatchObject({ receivedSegments: 1, rejected: [], waiting: [] });
    expect(personsOf(amelia)).toEqual(personsOf(narni));
  });

  it('dopo l’invio e prima della lettura: il proprio pacchetto è scritto e contato, la lettura si ferma con un messaggio', () => {
    const folder = tempDir('udc-share-');
    const narni = z.node();
    const amelia = z.node();
    addPerson(narni, 'Quarto');
    syncNode(narni, folder);
    addPerson(amelia, 'Quinto');
    const v = vanishAt(folder, (done) => done === 1);
    expect(() => syncNode(amelia, folder, v.progress)).toThrow(/sparita durante la sincronizzazione/);
    expect(personsOf(amelia)).toHaveLength(1);
    expect(fs.existsSync(folder)).toBe(false);
    v.back();
    expect(meta(amelia, 'sync_segment_seq')).toBe('1');
    expect(filesIn(folder).filter((f) => f.includes(amelia.id.node))).toHaveLength(1);
    expect(syncNode(amelia, folder)).toMatchObject({ sentSegments: 0, receivedSegments: 1 });
    expect(syncNode(narni, folder)).toMatchObject({ receivedSegments: 1 });
    expect(personsOf(narni)).toEqual(personsOf(amelia));
  });

  it('prima di scrivere il proprio pacchetto: nulla scritto altrove, nulla contato come inviato, alla volta dopo parte', () => {
    const folder = tempDir('udc-share-');
    const narni = z.node();
    addPerson(narni, 'Sesto');
    syncNode(narni, folder);
    addPerson(narni, 'Settimo');
    const v = vanishAt(folder, (done) => done === 0);
    expect(() => syncNode(narni, folder, v.progress)).toThrow(/non è più raggiungibile: il pacchetto di questa postazione non è stato scritto/);
    // The share's path did not come back as an empty local folder holding a segment no one will see.
    expect(fs.existsSync(folder)).toBe(false);
    expect(meta(narni, 'sync_segment_seq')).toBe('1');
    v.back();
    expect(syncNode(narni, folder)).toMatchObject({ sentSegments: 1 });
    expect(
      filesIn(folder)
        .map((f) => path.basename(f))
        .sort(),
    ).toEqual(['000000000001.udcs', '000000000002.udcs']);
    const amelia = z.node();
    expect(syncNode(amelia, folder)).toMatchObject({ receivedSegments: 2, rejected: [] });
    expect(personsOf(amelia)).toEqual(personsOf(narni));
  });
});
