import { createCipheriv, createDecipheriv, randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { z } from 'zod';
import { parseHlc } from '../../../shared/domain/hlc';

/**
 * A sync segment: the changes one node wrote, as a file in the shared folder that only the zone's
 * nodes can read. Layout (big-endian lengths):
 *
 *   "UDCS" | u32 header length | header JSON | 12-byte nonce | u32 body length | body | 16-byte tag | 64-byte signature
 *
 * The body is the changes as JSON, deflated, then AES-256-GCM under the zone sync key with the
 * magic and header as additional data; the Ed25519 signature of the sending node covers everything
 * before it. So the header (sender, sequence, format) cannot be altered or replayed under another
 * name, and the folder sees only ciphertext and sizes.
 */
export const SEGMENT_FORMAT = 1;

const MAGIC = Buffer.from('UDCS', 'ascii');
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const SIGNATURE_BYTES = 64;
const MAX_HEADER_BYTES = 4096;
/** A segment holds at most this many changes; the writer splits larger exports. */
export const MAX_SEGMENT_CHANGES = 50_000;
/** Inflated body limit: a small file must not expand into gigabytes (a "zip bomb"). */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_VALUE_CHARS = 1_000_000;

const NodeId = z.string().regex(/^[0-9a-f]{16}$/);
const Identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);

const HeaderSchema = z
  .object({
    format: z.number().int().min(1),
    /** The oldest program version that can read this segment (shown to whoever cannot). */
    minProgram: z.string().regex(/^\d+\.\d+\.\d+$/),
    zone: z.string().regex(/^[0-9a-f]{32}$/),
    sender: NodeId,
    seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    createdAt: z.string().datetime(),
    count: z.number().int().min(0).max(MAX_SEGMENT_CHANGES),
  })
  // A newer format may add fields: it must still be recognised as newer, not as garbage.
  .passthrough();

export type SegmentHeader = z.infer<typeof HeaderSchema>;

const Hlc = z.string().refine((s) => parseHlc(s) !== null, 'marca temporale non valida');

const ChangeSchema = z
  .object({
    hlc: Hlc,
    node: NodeId,
    tbl: Identifier,
    row_id: z.string().min(1).max(100),
    col: Identifier,
    /** The cell as JSON. */
    value: z.string().max(MAX_VALUE_CHARS),
    /** The changes of the same cell it was written over. */
    parents: z.array(Hlc).max(64),
  })
  .strict();

export type SegmentChange = z.infer<typeof ChangeSchema>;

export type SegmentRejection = 'malformed' | 'future_format' | 'foreign_zone' | 'unknown_sender' | 'bad_signature' | 'undecryptable' | 'bad_body';

/** Why a segment was refused, in Italian for the log and the screen; never its content. */
export class SegmentError extends Error {
  constructor(
    readonly reason: SegmentRejection,
    message: string,
    readonly minProgram?: string,
  ) {
    super(message);
  }
}

export interface EncodeKeys {
  syncKey: Buffer;
  signingKey: KeyObject;
}

export interface DecodeKeys {
  syncKey: Buffer;
  zone: string;
  /** The public key of a paired, not revoked node; null for anyone else. */
  publicKeyOf: (node: string) => KeyObject | null;
}

export function encodeSegment(header: Omit<SegmentHeader, 'format' | 'count'>, changes: readonly SegmentChange[], keys: EncodeKeys): Buffer {
  if (changes.length > MAX_SEGMENT_CHANGES) throw new Error(`segment of ${changes.length} changes exceeds ${MAX_SEGMENT_CHANGES}`);
  const full: SegmentHeader = HeaderSchema.parse({ ...header, format: SEGMENT_FORMAT, count: changes.length });
  const headerBytes = Buffer.from(JSON.stringify(full), 'utf8');
  const prefix = Buffer.concat([MAGIC, u32(headerBytes.length), headerBytes]);
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', keys.syncKey, nonce);
  cipher.setAAD(prefix);
  const body = Buffer.concat([cipher.update(deflateRawSync(Buffer.from(JSON.stringify(changes), 'utf8'))), cipher.final()]);
  const signed = Buffer.concat([prefix, nonce, u32(body.length), body, cipher.getAuthTag()]);
  return Buffer.concat([signed, sign(null, signed, keys.signingKey)]);
}

/** The header alone, unauthenticated: enough to tell whose segment a file claims to be. */
export function peekHeader(bytes: Buffer): SegmentHeader {
  return readEnvelope(bytes).header;
}

/**
 * A verified, decrypted segment. Checks run cheapest first and stop at the first failure; the
 * envelope (magic, header, signature at the end) is the same in every format, so even a segment
 * from a newer program is authenticated before it is believed to be one.
 */
export function decodeSegment(bytes: Buffer, keys: DecodeKeys): { header: SegmentHeader; changes: SegmentChange[] } {
  const { header, headerEnd, signed, signature } = readEnvelope(bytes);
  if (header.zone !== keys.zone) throw new SegmentError('foreign_zone', 'Il pacchetto appartiene a un’altra zona.');
  const publicKey = keys.publicKeyOf(header.sender);
  if (!publicKey) throw new SegmentError('unknown_sender', 'Il pacchetto viene da una postazione non associata o revocata.');
  if (!verify(null, signed, publicKey, signature)) throw new SegmentError('bad_signature', 'La firma del pacchetto non è valida: il file è stato alterato.');
  if (header.format > SEGMENT_FORMAT) {
    throw new SegmentError('future_format', `Il pacchetto è stato scritto da una versione più recente del programma (serve la ${header.minProgram}).`, header.minProgram);
  }
  const { prefix, nonce, body, tag } = readBody(signed, headerEnd);
  let deflated: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', keys.syncKey, nonce);
    decipher.setAAD(prefix);
    decipher.setAuthTag(tag);
    deflated = Buffer.concat([decipher.update(body), decipher.final()]);
  } catch {
    throw new SegmentError('undecryptable', 'Il pacchetto non si decifra con la chiave di sincronizzazione della zona.');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(inflateRawSync(deflated, { maxOutputLength: MAX_BODY_BYTES }).toString('utf8'));
  } catch {
    throw new SegmentError('bad_body', 'Il contenuto del pacchetto è illeggibile.');
  }
  const changes = z.array(ChangeSchema).max(MAX_SEGMENT_CHANGES).safeParse(parsed);
  if (!changes.success || changes.data.length !== header.count) throw new SegmentError('bad_body', 'Il contenuto del pacchetto non è valido.');
  // A node ships only what it wrote itself: a change stamped by another node is not its to send.
  if (changes.data.some((c) => c.node !== header.sender || parseHlc(c.hlc)?.node !== header.sender)) {
    throw new SegmentError('bad_body', 'Il pacchetto contiene modifiche attribuite a un’altra postazione.');
  }
  return { header, changes: changes.data };
}

const malformed = () => new SegmentError('malformed', 'Il file non è un pacchetto di sincronizzazione valido.');

/** Magic, header and signature: the part every format shares. */
function readEnvelope(bytes: Buffer) {
  if (bytes.length < MAGIC.length + 4 + SIGNATURE_BYTES || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw malformed();
  const headerLength = bytes.readUInt32BE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  if (headerLength > MAX_HEADER_BYTES || bytes.length < headerEnd + SIGNATURE_BYTES) throw malformed();
  let header: SegmentHeader;
  try {
    header = HeaderSchema.parse(JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')));
  } catch {
    throw malformed();
  }
  const signedEnd = bytes.length - SIGNATURE_BYTES;
  return { header, headerEnd, signed: bytes.subarray(0, signedEnd), signature: bytes.subarray(signedEnd) };
}

/** Format 1 after the header: nonce, body length, body, tag. */
function readBody(signed: Buffer, headerEnd: number) {
  if (signed.length < headerEnd + NONCE_BYTES + 4 + TAG_BYTES) throw malformed();
  const bodyStart = headerEnd + NONCE_BYTES + 4;
  const bodyLength = signed.readUInt32BE(headerEnd + NONCE_BYTES);
  if (signed.length !== bodyStart + bodyLength + TAG_BYTES) throw malformed();
  return {
    prefix: signed.subarray(0, headerEnd),
    nonce: signed.subarray(headerEnd, headerEnd + NONCE_BYTES),
    body: signed.subarray(bodyStart, bodyStart + bodyLength),
    tag: signed.subarray(bodyStart + bodyLength),
  };
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n);
  return b;
}
