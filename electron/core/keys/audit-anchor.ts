import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { hkdfSha256 } from './hkdf';

const HeadSchema = z.object({ seq: z.number().int().min(0), hash: z.string().regex(/^[0-9a-f]{64}$/) });

/**
 * The heads of both audit chains at one moment, authenticated with a key derived from the
 * database key: kept outside the database (key file, backups, the other sede) so that a chain
 * later found shorter, or different at the anchored row, shows it was cut or rewritten.
 */
export const AnchorSchema = z.object({
  data: HeadSchema,
  admin: HeadSchema,
  at: z.string(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Anchor = z.infer<typeof AnchorSchema>;
export type AnchorHeads = Omit<Anchor, 'mac'>;

/** Fixed field order, so the MAC does not depend on how a JSON writer orders keys. */
function canonical(a: AnchorHeads): string {
  return JSON.stringify(['udc-audit-anchor-v1', a.data.seq, a.data.hash, a.admin.seq, a.admin.hash, a.at]);
}

function mac(databaseKey: Buffer, heads: AnchorHeads): string {
  const macKey = hkdfSha256(databaseKey, 'udc-audit-anchor');
  try {
    return createHmac('sha256', macKey).update(canonical(heads)).digest('hex');
  } finally {
    macKey.fill(0);
  }
}

export function signAnchor(databaseKey: Buffer, heads: AnchorHeads): Anchor {
  const { data, admin, at } = heads;
  return { data: { ...data }, admin: { ...admin }, at, mac: mac(databaseKey, { data, admin, at }) };
}

/** False for an edited anchor and for one made with another database's key. */
export function anchorIsAuthentic(databaseKey: Buffer, anchor: Anchor): boolean {
  const expected = Buffer.from(mac(databaseKey, anchor), 'hex');
  const given = Buffer.from(anchor.mac, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
