import { inflateSync } from 'node:zlib';

/** PDF names that make a viewer run code or act on its own when the file opens or is used. */
const ACTIVE_NAMES = ['JavaScript', 'JS', 'OpenAction', 'AA', 'Launch'] as const;
export type ActiveName = (typeof ACTIVE_NAMES)[number];

/** How far the scan looks into compressed streams (object streams hide dictionaries there). */
const MAX_STREAMS = 64;
const MAX_INFLATED_BYTES = 8 * 1024 * 1024;

export const PDF_ACTIVE_WARNING = 'Il PDF contiene codice (JavaScript) o azioni automatiche: non viene eseguito dal programma; aprilo con cautela fuori dal programma.';

/**
 * The active-content names found in a PDF: a scan of the raw bytes plus the first 64 Flate
 * streams (up to 8 MB inflated), names decoded from their `#xx` escapes. Good enough to warn,
 * not a PDF parser: a name inside a stream with other filters, an encrypted PDF or a stream
 * past the limits is not seen. The program never runs PDF code anyway (pdf.js renders pages
 * without scripting or eval); the warning is for whoever opens the file elsewhere.
 */
export function pdfActiveContent(bytes: Buffer): ActiveName[] {
  const found = new Set<ActiveName>();
  const text = bytes.toString('latin1');
  scanNames(text, found);
  let inflated = 0;
  let streams = 0;
  const start = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while (streams < MAX_STREAMS && inflated < MAX_INFLATED_BYTES && (m = start.exec(text)) !== null) {
    const from = m.index + m[0].length;
    const end = text.indexOf('endstream', from);
    if (end < 0) break;
    streams++;
    try {
      const out = inflateSync(bytes.subarray(from, end), { maxOutputLength: MAX_INFLATED_BYTES - inflated, finishFlush: 2 /* Z_SYNC_FLUSH */ });
      inflated += out.length;
      scanNames(out.toString('latin1'), found);
    } catch {
      // not Flate, or damaged: the raw scan above is all we have for it
    }
    start.lastIndex = end;
  }
  return ACTIVE_NAMES.filter((n) => found.has(n));
}

function scanNames(text: string, found: Set<ActiveName>): void {
  // A PDF name: "/" then regular characters up to a delimiter or white space.
  for (const match of text.matchAll(/\/([^\s()<>[\]{}/%]+)/g)) {
    const name = (match[1] as string).replace(/#([0-9A-Fa-f]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if ((ACTIVE_NAMES as readonly string[]).includes(name)) found.add(name as ActiveName);
  }
}
