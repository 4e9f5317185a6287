import zlib from 'node:zlib';

/**
 * The entries of a ZIP written by zip-writer.ts (sizes in the local headers, deflate or stored,
 * no ZIP64): what the program reads back of its own exports. Each entry's CRC is checked.
 */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  let at = 0;
  while (at + 30 <= buf.length && buf.readUInt32LE(at) === 0x04034b50) {
    const method = buf.readUInt16LE(at + 8);
    const crc = buf.readUInt32LE(at + 14);
    const size = buf.readUInt32LE(at + 18);
    const nameLen = buf.readUInt16LE(at + 26);
    const extra = buf.readUInt16LE(at + 28);
    const start = at + 30 + nameLen + extra;
    if (start + size > buf.length) throw new Error('ZIP troncato');
    const name = buf.subarray(at + 30, at + 30 + nameLen).toString('utf8');
    const raw = buf.subarray(start, start + size);
    const data = method === 8 ? zlib.inflateRawSync(raw) : method === 0 ? Buffer.from(raw) : null;
    if (!data || zlib.crc32(data) !== crc) throw new Error('ZIP non valido');
    out.set(name, data);
    at = start + size;
  }
  return out;
}
