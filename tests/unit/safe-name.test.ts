import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeDisplayName } from '../../electron/core/files/safe-name';

describe('safe display name of an attachment', () => {
  it('drops the right-to-left override that disguises the real extension', () => {
    // "relazione\u202Efdp.exe" is shown by many programs as "relazioneexe.pdf".
    expect(safeDisplayName('relazione\u202Efdp.exe', 'pdf')).toBe('relazionefdp.pdf');
  });

  it.each([
    ['LRE/RLE/PDF/LRO/RLO', 'a\u202Ab\u202Bc\u202Cd\u202De\u202Ef.txt', 'abcdef.txt'],
    ['isolates', 'a\u2066b\u2067c\u2068d\u2069e.txt', 'abcde.txt'],
    ['zero-width and marks', 'a\u200Bb\u200Cc\u200Dd\u200Ee\u200Ff.txt', 'abcdef.txt'],
    ['BOM and word joiner', '\uFEFFverbale\u2060.txt', 'verbale.txt'],
    ['Arabic letter mark', 'a\u061Cb.txt', 'ab.txt'],
    ['soft hyphen', 'ver\u00ADbale.txt', 'verbale.txt'],
    ['C1 control', 'a\u0085b.txt', 'ab.txt'],
    ['line separators', 'a\u2028b\u2029c.txt', 'abc.txt'],
  ])('strips %s', (_label, input, expected) => {
    expect(safeDisplayName(input, 'txt')).toBe(expected);
  });

  it('keeps accented letters and ordinary punctuation', () => {
    expect(safeDisplayName('Relazione sociale – perché (2024).docx', 'docx')).toBe('Relazione sociale – perché (2024).docx');
  });

  it('a name made only of format characters becomes "allegato"', () => {
    expect(safeDisplayName('\u202E\u200B.pdf', 'pdf')).toBe('allegato.pdf');
  });

  it('never keeps a format, control or separator character, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (name) => {
        expect(safeDisplayName(name, 'pdf')).not.toMatch(/[\p{Cf}\p{Cc}\p{Zl}\p{Zp}]/u);
      }),
      // Bounded for CI on a busy 2-core machine (2000 runs took up to 7 s there).
      { numRuns: 500 },
    );
  }, 30_000);
});
