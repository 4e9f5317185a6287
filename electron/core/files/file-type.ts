/**
 * What a file is, by its content (magic bytes), never by its name: a program renamed .pdf is
 * still a program. Only the kinds an office files in a case are accepted.
 */
export interface DetectedType {
  kind: 'pdf' | 'png' | 'jpeg' | 'docx' | 'odt' | 'txt';
  mime: string;
  ext: string;
}

export type Detection = { ok: true; type: DetectedType } | { ok: false; message: string };

const TYPES: Record<DetectedType['kind'], DetectedType> = {
  pdf: { kind: 'pdf', mime: 'application/pdf', ext: 'pdf' },
  png: { kind: 'png', mime: 'image/png', ext: 'png' },
  jpeg: { kind: 'jpeg', mime: 'image/jpeg', ext: 'jpg' },
  docx: { kind: 'docx', mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: 'docx' },
  odt: { kind: 'odt', mime: 'application/vnd.oasis.opendocument.text', ext: 'odt' },
  txt: { kind: 'txt', mime: 'text/plain; charset=utf-8', ext: 'txt' },
};

const ALLOWED = 'PDF, immagini PNG o JPEG, documenti Word (.docx) o OpenDocument (.odt), testo semplice';

function startsWith(bytes: Uint8Array, ...sig: number[]): boolean {
  return sig.every((b, i) => bytes[i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.subarray(from, Math.min(to, bytes.length))).toString('latin1');
}

export function detectFileType(bytes: Uint8Array): Detection {
  if (bytes.length === 0) return { ok: false, message: 'Il file è vuoto.' };
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return { ok: true, type: TYPES.pdf };
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { ok: true, type: TYPES.png };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { ok: true, type: TYPES.jpeg };
  if (startsWith(bytes, 0x4d, 0x5a)) return { ok: false, message: `Il file è un programma eseguibile, non un documento: non si può allegare. Tipi ammessi: ${ALLOWED}.` };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    // ODF puts an uncompressed "mimetype" entry first; OOXML lists [Content_Types].xml and word/.
    if (ascii(bytes, 30, 38) === 'mimetype' && ascii(bytes, 38, 77) === 'application/vnd.oasis.opendocument.text') return { ok: true, type: TYPES.odt };
    const head = ascii(bytes, 0, 64 * 1024);
    if (head.includes('[Content_Types].xml') && head.includes('word/')) return { ok: true, type: TYPES.docx };
    return { ok: false, message: `Archivio compresso di tipo non ammesso. Tipi ammessi: ${ALLOWED}.` };
  }
  if (!bytes.includes(0)) {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      return { ok: true, type: TYPES.txt };
    } catch {
      // not UTF-8 text: fall through
    }
  }
  return { ok: false, message: `Tipo di file non ammesso. Tipi ammessi: ${ALLOWED}.` };
}
