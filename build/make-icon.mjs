/// <reference types="node" />
// Draws the application icon (build/icons/icon.png, 512×512) without any dependency or download:
// a rounded square in the Italian PA blue (#0066CC) with two white figures (an operator and a
// citizen). Run: node build/make-icon.mjs. electron-builder derives the Windows .ico and the
// Linux sizes from this PNG.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const SIZE = 512;
const SS = 4; // supersampling per axis
const BLUE = [0x00, 0x66, 0xcc];

/** @param {number} x @param {number} y */
function insideRoundedSquare(x, y) {
  const m = 24;
  const r = 96;
  const lo = m + r;
  const hi = SIZE - m - r;
  const cx = Math.min(Math.max(x, lo), hi);
  const cy = Math.min(Math.max(y, lo), hi);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r && x >= m && x <= SIZE - m && y >= m && y <= SIZE - m;
}

/** @param {number} x @param {number} y @param {number} cx @param {number} top @param {number} scale */
function person(x, y, cx, top, scale) {
  const headR = 46 * scale;
  const headY = top + headR;
  if ((x - cx) ** 2 + (y - headY) ** 2 <= headR * headR) return true;
  // shoulders: upper half of an ellipse below the head, cut flat at the bottom
  const bodyTop = headY + headR + 14 * scale;
  const rx = 92 * scale;
  const ry = 92 * scale;
  const bodyCy = bodyTop + ry;
  const bottom = bodyTop + 78 * scale;
  return y >= bodyTop && y <= bottom && ((x - cx) / rx) ** 2 + ((y - bodyCy) / ry) ** 2 <= 1;
}

/** @param {number} x @param {number} y */
function white(x, y) {
  const front = person(x, y, 338, 222, 0.82);
  // a blue gap around the front figure keeps the two shapes apart
  const halo = person(x, y, 338, 208, 0.94);
  return front || (!halo && person(x, y, 196, 164, 1));
}

const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let bg = 0;
    let fg = 0;
    for (let sy = 0; sy < SS; sy++) {
      for (let sx = 0; sx < SS; sx++) {
        const x = px + (sx + 0.5) / SS;
        const y = py + (sy + 0.5) / SS;
        if (!insideRoundedSquare(x, y)) continue;
        if (white(x, y)) fg++;
        else bg++;
      }
    }
    const n = SS * SS;
    const alpha = (bg + fg) / n;
    const o = row + 1 + px * 4;
    if (alpha === 0) continue;
    const f = fg / (bg + fg);
    raw[o] = Math.round(BLUE[0] * (1 - f) + 255 * f);
    raw[o + 1] = Math.round(BLUE[1] * (1 - f) + 255 * f);
    raw[o + 2] = Math.round(BLUE[2] * (1 - f) + 255 * f);
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
/** @param {Buffer} buf */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = /** @type {number} */ (CRC_TABLE[(c ^ b) & 0xff]) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = fileURLToPath(new URL('./icons/icon.png', import.meta.url));
writeFileSync(out, png);
console.log(`Icona scritta: ${out} (${png.length} byte)`);
