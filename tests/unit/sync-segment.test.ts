import { generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeSegment, encodeSegment, peekHeader, SEGMENT_FORMAT, SegmentError, type SegmentChange, type SegmentRejection } from '../../electron/core/sync/segment-codec';

const zone = randomBytes(16).toString('hex');
const syncKey = randomBytes(32);
const narni = { node: 'a1b2c3d4e5f60718', ...generateKeyPairSync('ed25519') };
const amelia = { node: '0f1e2d3c4b5a6978', ...generateKeyPairSync('ed25519') };
const paired = new Map<string, KeyObject>([
  [narni.node, narni.publicKey],
  [amelia.node, amelia.publicKey],
]);
const keys = { syncKey, zone, publicKeyOf: (n: string) => paired.get(n) ?? null };

function change(i: number, node = narni.node, text: string | null = `Via Garibaldi ${i}, Narni — Nicolò`): SegmentChange {
  const hlc = (n: number) => `2026-12-02T09:00:00.000Z-${n.toString(16).padStart(4, '0')}-${node}`;
  return { hlc: hlc(i), node, tbl: 'persons', row_id: `p-${i}`, col: 'residenza_indirizzo', value: JSON.stringify(text), parents: i > 1 ? [hlc(i - 1)] : [] };
}

function segment(changes: SegmentChange[] = [change(1), change(2, narni.node, null)], signer = narni, header: Partial<{ seq: number; sender: string; zone: string }> = {}) {
  return encodeSegment(
    { minProgram: '0.1.0', zone: header.zone ?? zone, sender: header.sender ?? signer.node, seq: header.seq ?? 1, createdAt: '2026-12-02T09:00:01.000Z' },
    changes,
    { syncKey, signingKey: signer.privateKey },
  );
}

function rejection(bytes: Buffer, k = keys): SegmentRejection {
  try {
    decodeSegment(bytes, k);
  } catch (e) {
    if (e instanceof SegmentError) return e.reason;
    throw e;
  }
  throw new Error('accepted');
}

describe('segmenti di sincronizzazione', () => {
  it('tornano identici: intestazione e modifiche, accenti e valori nulli compresi', () => {
    const changes = [change(1), change(2, narni.node, null), change(3, narni.node, 'D’Annunzio-Colò <script>')];
    const { header, changes: back } = decodeSegment(segment(changes, narni, { seq: 7 }), keys);
    expect(back).toEqual(changes);
    expect(header).toMatchObject({ format: SEGMENT_FORMAT, sender: narni.node, seq: 7, count: 3, zone });
  });

  it('la cartella condivisa vede solo testo cifrato', () => {
    const bytes = segment([change(1, narni.node, 'Rossi Nicolò, tel. 0744 715123')]);
    expect(bytes.includes(Buffer.from('Rossi'))).toBe(false);
    expect(bytes.includes(Buffer.from('0744'))).toBe(false);
    expect(bytes.includes(Buffer.from('persons'))).toBe(false);
    expect(peekHeader(bytes).sender).toBe(narni.node);
  });

  it('rifiuta chiave sbagliata, zona altrui, postazione non associata e firma di un altro', () => {
    expect(rejection(segment(), { ...keys, syncKey: randomBytes(32) })).toBe('undecryptable');
    expect(rejection(segment(), { ...keys, zone: randomBytes(16).toString('hex') })).toBe('foreign_zone');
    const stranger = { node: 'ffffffffffffffff', ...generateKeyPairSync('ed25519') };
    expect(rejection(segment([change(1, stranger.node)], stranger))).toBe('unknown_sender');
    // Amelia's key signing a segment that claims to be Narni's.
    expect(rejection(segment([change(1)], amelia, { sender: narni.node }))).toBe('bad_signature');
    // A revoked node: its key is no longer known.
    expect(rejection(segment(), { ...keys, publicKeyOf: (n) => (n === narni.node ? null : (paired.get(n) ?? null)) })).toBe('unknown_sender');
  });

  it('una postazione spedisce solo le proprie modifiche', () => {
    expect(rejection(segment([change(1, amelia.node)], narni))).toBe('bad_body');
  });

  it('un formato più recente si riconosce, dopo la firma, e dice quale versione serve', () => {
    // Re-sign a segment whose header claims format 2 (as a newer program would write it).
    const bytes = segment();
    const headerLength = bytes.readUInt32BE(4);
    const header = JSON.parse(bytes.subarray(8, 8 + headerLength).toString('utf8')) as Record<string, unknown>;
    const newer = Buffer.from(JSON.stringify({ ...header, format: 2, minProgram: '0.3.0', extra: true }), 'utf8');
    const len = Buffer.alloc(4);
    len.writeUInt32BE(newer.length);
    const signed = Buffer.concat([bytes.subarray(0, 4), len, newer, bytes.subarray(8 + headerLength, bytes.length - 64)]);
    const file = Buffer.concat([signed, sign(null, signed, narni.privateKey)]);
    try {
      decodeSegment(file, keys);
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(SegmentError);
      expect((e as SegmentError).reason).toBe('future_format');
      expect((e as SegmentError).minProgram).toBe('0.3.0');
      expect((e as SegmentError).message).toContain('0.3.0');
    }
    // The same claim without a valid signature is only an altered file.
    expect(rejection(Buffer.concat([signed, Buffer.alloc(64)]))).toBe('bad_signature');
  });

  it('2.000 alterazioni (bit invertiti, troncamenti, inserzioni, file estranei): sempre un rifiuto con motivo, mai un crash o dati cambiati', () => {
    const good = segment([change(1), change(2), change(3, narni.node, null)]);
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('flip' as const), at: fc.nat(good.length - 1), bit: fc.integer({ min: 0, max: 7 }) }),
      fc.record({ kind: fc.constant('truncate' as const), at: fc.nat(good.length - 1) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(good.length), bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }) }),
      fc.record({ kind: fc.constant('random' as const), bytes: fc.uint8Array({ maxLength: 4096 }) }),
    );
    fc.assert(
      fc.property(mutation, (m) => {
        let bytes: Buffer;
        if (m.kind === 'flip') {
          bytes = Buffer.from(good);
          bytes[m.at] = (bytes[m.at] as number) ^ (1 << m.bit);
        } else if (m.kind === 'truncate') bytes = good.subarray(0, m.at);
        else if (m.kind === 'insert') bytes = Buffer.concat([good.subarray(0, m.at), Buffer.from(m.bytes), good.subarray(m.at)]);
        else bytes = Buffer.from(m.bytes);
        expect(['malformed', 'foreign_zone', 'unknown_sender', 'bad_signature', 'undecryptable', 'bad_body', 'future_format']).toContain(rejection(bytes));
      }),
      { numRuns: 2000, seed: 20261202 },
    );
  });

  it('un corpo che si espande oltre il limite è rifiutato, non decompresso per intero', () => {
    const huge = Array.from({ length: 70 }, (_, i) => change(i + 1, narni.node, 'x'.repeat(999_990)));
    expect(() => segment(huge)).not.toThrow();
    expect(rejection(segment(huge))).toBe('bad_body');
  });
});
