import { hkdfSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hkdfSha256 } from '../../electron/core/keys/hkdf';

describe('hkdfSha256', () => {
  it('gives RFC 5869 test case 3 (SHA-256, empty salt and info)', () => {
    expect(hkdfSha256(Buffer.alloc(22, 0x0b), '', 42).toString('hex')).toBe('8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8');
  });

  it('derives exactly what crypto.hkdfSync derived, so existing attachments, backups and anchors still open', () => {
    const key = Buffer.from('00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff', 'hex');
    for (const info of ['udc-attachments-v1', 'udc-backup-manifest-v1', 'udc-audit-anchor']) {
      for (const length of [16, 32, 33, 64, 100]) {
        expect(hkdfSha256(key, info, length).equals(Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), info, length)))).toBe(true);
      }
    }
  });

  it('leaves the input key as it was and refuses impossible lengths', () => {
    const key = Buffer.alloc(32, 7);
    hkdfSha256(key, 'x');
    expect(key.equals(Buffer.alloc(32, 7))).toBe(true);
    expect(() => hkdfSha256(key, 'x', 0)).toThrow(RangeError);
    expect(() => hkdfSha256(key, 'x', 255 * 32 + 1)).toThrow(RangeError);
  });
});

describe('hkdfSha256 with a salt', () => {
  it('matches crypto.hkdfSync (the pending audit events derive their keys this way)', () => {
    const ikm = Buffer.alloc(32, 3);
    const salt = Buffer.from('ephemeral.recipient');
    expect(hkdfSha256(ikm, 'info', 32, salt).equals(Buffer.from(hkdfSync('sha256', ikm, salt, 'info', 32)))).toBe(true);
  });
});
