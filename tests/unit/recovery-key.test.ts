import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RECOVERY_KEY_BYTES, newRecoveryKey, normaliseRecoveryKey } from '../../electron/core/keys/recovery-key';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const KEY_RE = /^[0-9A-HJKMNP-TV-Z]{5}(?:-[0-9A-HJKMNP-TV-Z]{5}){7}$/;

const keyArb = fc.array(fc.constantFrom(...CROCKFORD.split('')), { minLength: 40, maxLength: 40 }).map((chars) => chars.join('').replace(/(.{5})(?!$)/g, '$1-'));

describe('chiave di recupero: generazione', () => {
  it('is 8 groups of 5 Crockford base32 characters (200 bits)', () => {
    expect(RECOVERY_KEY_BYTES).toBe(25);
    for (let i = 0; i < 200; i++) {
      const key = newRecoveryKey();
      expect(key).toMatch(KEY_RE);
      expect(key).toHaveLength(47);
      expect(key).not.toMatch(/[ILOU]/);
    }
  });

  it('1000 keys are all different and use the whole alphabet in every position, last one included', () => {
    const keys = Array.from({ length: 1000 }, () => newRecoveryKey());
    expect(new Set(keys).size).toBe(1000);
    const raw = keys.map((k) => k.replaceAll('-', ''));
    expect(new Set(raw.join('')).size).toBe(32);
    // With no padding bits every position (also the 40th) carries 5 random bits.
    for (const position of [0, 20, 39]) {
      const seen = new Set(raw.map((r) => r[position]));
      expect(seen.size, `posizione ${position}`).toBeGreaterThan(24);
    }
  });

  it('a freshly generated key is already in normal form', () => {
    for (let i = 0; i < 100; i++) {
      const key = newRecoveryKey();
      expect(normaliseRecoveryKey(key)).toBe(key);
    }
  });
});

describe('chiave di recupero: normalizzazione di quanto digitato', () => {
  it('is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (typed) => {
        const once = normaliseRecoveryKey(typed);
        if (once !== null) expect(normaliseRecoveryKey(once)).toBe(once);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(keyArb, (key) => {
        const once = normaliseRecoveryKey(key.toLowerCase());
        expect(once).toBe(key);
        expect(normaliseRecoveryKey(once as string)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('ignores case, spaces and dashes', () => {
    fc.assert(
      fc.property(keyArb, fc.array(fc.constantFrom('', ' ', '-', '  ', '\t', ' - '), { minLength: 41, maxLength: 41 }), fc.boolean(), (key, separators, lower) => {
        const raw = key.replaceAll('-', '');
        let typed = separators[0] as string;
        for (let i = 0; i < raw.length; i++) typed += (raw[i] as string) + (separators[i + 1] as string);
        expect(normaliseRecoveryKey(lower ? typed.toLowerCase() : typed)).toBe(key);
      }),
      { numRuns: 300 },
    );
  });

  it('reads O as 0 and I, L as 1, in either case', () => {
    fc.assert(
      fc.property(keyArb, fc.array(fc.nat(), { minLength: 40, maxLength: 40 }), (key, picks) => {
        const raw = key.replaceAll('-', '');
        let typed = '';
        for (let i = 0; i < raw.length; i++) {
          const ch = raw[i] as string;
          const pick = picks[i] as number;
          if (ch === '0') typed += ['O', 'o', '0'][pick % 3];
          else if (ch === '1') typed += ['I', 'i', 'L', 'l', '1'][pick % 5];
          else typed += ch;
        }
        expect(normaliseRecoveryKey(typed)).toBe(key);
      }),
      { numRuns: 300 },
    );
    expect(normaliseRecoveryKey('OOOOO-IIIII-LLLLL-ooooo-iiiii-lllll-00000-11111')).toBe('00000-11111-11111-00000-11111-11111-00000-11111');
  });

  it('accepts a key typed without dashes', () => {
    const key = newRecoveryKey();
    expect(normaliseRecoveryKey(key.replaceAll('-', ''))).toBe(key);
    expect(normaliseRecoveryKey(key.replaceAll('-', ' ').toLowerCase())).toBe(key);
  });

  it('refuses the wrong length', () => {
    const raw = newRecoveryKey().replaceAll('-', '');
    expect(normaliseRecoveryKey('')).toBeNull();
    expect(normaliseRecoveryKey('   ')).toBeNull();
    expect(normaliseRecoveryKey(raw.slice(0, 39))).toBeNull();
    expect(normaliseRecoveryKey(`${raw}0`)).toBeNull();
    expect(normaliseRecoveryKey(raw.slice(0, 35))).toBeNull();
    expect(normaliseRecoveryKey(raw + raw)).toBeNull();
  });

  it('refuses U and any character outside the alphabet', () => {
    fc.assert(
      fc.property(keyArb, fc.integer({ min: 0, max: 39 }), fc.constantFrom('U', 'u', '!', '_', '.', 'À', 'é', '+', '/', '=', '*', '~', '\u0000'), (key, position, bad) => {
        const raw = key.replaceAll('-', '');
        const typed = raw.slice(0, position) + bad + raw.slice(position + 1);
        expect(normaliseRecoveryKey(typed)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('never returns something that is not a well-formed key', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghilou -_'.split('')), maxLength: 60 }), (typed) => {
        const result = normaliseRecoveryKey(typed);
        if (result !== null) expect(result).toMatch(KEY_RE);
      }),
      { numRuns: 500 },
    );
  });
});
