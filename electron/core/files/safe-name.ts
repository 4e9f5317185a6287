const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_LENGTH = 120;
/** Format characters (bidi embeddings, overrides and isolates, zero-width joiners, BOM…), C1 controls, line/paragraph separators, and the bidi marks of other scripts. */
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u0080-\u009f\u061c\u115f\u1160\u3164\uffa0]/u;

/**
 * A display name safe on every file system: no folders (`../`), no control characters or NUL,
 * no invisible format characters (bidi overrides such as U+202E that show "fdp.exe" as
 * "exe.pdf", zero-width spaces, BOM…),
 * no characters Windows refuses, no reserved device names (CON, NUL…), at most 120 characters,
 * and the extension of the type found in the content. The stored file never uses it.
 */
export function safeDisplayName(original: string, ext: string): string {
  const base = original.split(/[/\\]/).pop() ?? '';
  let stem = [...base.normalize('NFC')]
    .filter((ch) => (ch.codePointAt(0) as number) >= 32 && ch !== '\u007f' && !INVISIBLE.test(ch))
    .join('')
    .replace(/[<>:"|?*]/g, '_')
    .replace(/\.[^.]*$/, '')
    .replace(/^[\s.]+|[\s.]+$/g, '');
  if (stem === '' || RESERVED.test(stem)) stem = `allegato${stem ? `_${stem}` : ''}`;
  const room = MAX_LENGTH - ext.length - 1;
  if (stem.length > room)
    stem = [...stem]
      .slice(0, room)
      .join('')
      .replace(/[\s.]+$/, '');
  return `${stem}.${ext}`;
}
