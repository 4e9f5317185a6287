import { formatHlc, parseHlc } from '../../../shared/domain/hlc';

/**
 * The change log's compact form of an HLC (`<ISO millis>-<counter>-<node>`, 46 characters): 17
 * bytes, millis (offset so that any four-digit year is positive) in 7 bytes big-endian, the
 * counter in 2, the node in 8. Byte order is the text's order, so the index sorts as before.
 * Migration 0018 computes the same bytes in SQL for the changes already logged.
 */
const STAMP_BYTES = 17;
const MILLIS_OFFSET = 2 ** 52;
const LOW = 2 ** 48;

export function stampOf(hlc: string): Buffer {
  const s = parseHlc(hlc);
  if (!s) throw new Error('invalid HLC');
  const b = Buffer.allocUnsafe(STAMP_BYTES);
  const millis = s.millis + MILLIS_OFFSET;
  b.writeUInt8(Math.floor(millis / LOW), 0);
  b.writeUIntBE(millis % LOW, 1, 6);
  b.writeUInt16BE(s.counter, 7);
  b.write(s.node, 9, 8, 'hex');
  return b;
}

export function hlcOf(stamp: Uint8Array, at = 0): string {
  const b = Buffer.from(stamp.buffer, stamp.byteOffset + at, STAMP_BYTES);
  const millis = b.readUInt8(0) * LOW + b.readUIntBE(1, 6) - MILLIS_OFFSET;
  return formatHlc({ millis, counter: b.readUInt16BE(7), node: b.toString('hex', 9, 17) });
}

/** The changes a change was written over, one stamp after the other (null for none). */
export function stampsOf(hlcs: readonly string[]): Buffer | null {
  return hlcs.length === 0 ? null : Buffer.concat(hlcs.map(stampOf));
}

export function hlcsOf(stamps: Uint8Array | null): string[] {
  if (!stamps) return [];
  const out: string[] = [];
  for (let at = 0; at + STAMP_BYTES <= stamps.length; at += STAMP_BYTES) out.push(hlcOf(stamps, at));
  return out;
}
