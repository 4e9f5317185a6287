import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { AppError } from '../../../../shared/domain/errors';
import type { Actor } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';
import type { SyncIdentity } from '../../sync/sync-cycle';
import { APP_VERSION } from '../../version';

/**
 * This node's sync secrets live in the encrypted database's `meta` table, which is node-local
 * (never synced, no change rows): the zone id, the zone sync key, this node's Ed25519 private key
 * and the node id that key belongs to. A data folder copied to another PC gets a new node id
 * (db/node-identity.ts); the key then belongs to another node, so the copy drops it (it must
 * never sign as the original) and refuses to sync until it joins with a pairing file.
 */
export const SYNC_META = {
  zone: 'sync_zone',
  zoneKey: 'sync_zone_key',
  privateKey: 'sync_private_key',
  keyNode: 'sync_key_node',
  folder: 'sync_folder',
  intervalMin: 'sync_interval_min',
  lastReport: 'sync_last_report',
} as const;

export type IdentityState =
  | { state: 'off'; node: string }
  | { state: 'unpaired' | 'revoked'; node: string; zone: string; message: string }
  | { state: 'ready'; node: string; zone: string; identity: SyncIdentity };

export interface NodeKeys {
  publicKey: string;
  privateKey: string;
}

export function nodeIdOf(store: Store): string {
  const node = store.writer.getMeta('node_id');
  if (!node) throw new AppError('INTERNAL', 'Questa postazione non ha ancora un identificativo.');
  return node;
}

/** A fresh Ed25519 pair, as the strings stored (public in sync_nodes, private in meta or a pairing file). */
export function newNodeKeys(): NodeKeys {
  const pair = generateKeyPairSync('ed25519');
  return {
    publicKey: pair.publicKey.export({ format: 'der', type: 'spki' }).toString('base64'),
    privateKey: pair.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64'),
  };
}

export const publicKeyFrom = (b64: string): KeyObject => createPublicKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'spki' });
const privateKeyFrom = (b64: string): KeyObject => createPrivateKey({ key: Buffer.from(b64, 'base64'), format: 'der', type: 'pkcs8' });

export const UNPAIRED_MESSAGE =
  'Questa cartella dati è stata copiata da un’altra postazione: non sincronizza finché non viene abbinata con un file di abbinamento creato su una postazione già abbinata (Impostazioni → Sincronizzazione → Abbina una nuova postazione).';

/** Where this node stands for sync; a copied folder's inherited key is dropped here. */
export function loadIdentity(store: Store): IdentityState {
  const node = nodeIdOf(store);
  const w = store.writer;
  const zone = w.getMeta(SYNC_META.zone);
  const zoneKey = w.getMeta(SYNC_META.zoneKey);
  if (!zone || !zoneKey) return { state: 'off', node };
  const keyNode = w.getMeta(SYNC_META.keyNode);
  const privateKey = w.getMeta(SYNC_META.privateKey);
  if (keyNode !== node || !privateKey) {
    if (privateKey) store.writer.setMeta(SYNC_META.privateKey, '');
    return { state: 'unpaired', node, zone, message: UNPAIRED_MESSAGE };
  }
  const own = store.syncNodes.get(node);
  if (own?.revoked_at) {
    return { state: 'revoked', node, zone, message: 'Questa postazione è stata revocata da un amministratore: non sincronizza più. Per riprendere va abbinata di nuovo.' };
  }
  const cache = new Map<string, KeyObject>();
  const identity: SyncIdentity = {
    zone,
    node,
    syncKey: Buffer.from(zoneKey, 'base64'),
    signingKey: privateKeyFrom(privateKey),
    publicKeyOf: (n) => {
      const row = store.syncNodes.get(n);
      if (!row || row.revoked_at || row.public_key === '') return null;
      let key = cache.get(row.public_key);
      if (!key) cache.set(row.public_key, (key = publicKeyFrom(row.public_key)));
      return key;
    },
    revoked: (n) => store.syncNodes.get(n)?.revoked_at != null,
    pairedAt: (n) => store.syncNodes.get(n)?.paired_at ?? null,
    programVersion: APP_VERSION,
  };
  return { state: 'ready', node, zone, identity };
}

/** The label a node shows: what the administrator typed, trimmed, never empty. */
export function cleanLabel(label: string): string {
  const clean = label.replace(/\s+/g, ' ').trim();
  if (clean.length < 2 || clean.length > 80) throw new AppError('VALIDATION', 'Nome della postazione: da 2 a 80 caratteri (es. «Amelia – PC segreteria»).', 'label');
  return clean;
}

/**
 * "Attiva la sincronizzazione" on the zone's first node: a new zone id and zone sync key, this
 * node's key pair, and its own row in sync_nodes (which every later node receives).
 */
export function enableSync(store: Store, actor: Actor, label: string, now: Date): IdentityState {
  const current = loadIdentity(store);
  if (current.state !== 'off') throw new AppError('CONFLICT', 'La sincronizzazione è già attiva su questa postazione (o la cartella dati è una copia da abbinare).');
  const node = current.node;
  const keys = newNodeKeys();
  const clean = cleanLabel(label);
  store.writer.transaction(() => {
    store.writer.setMeta(SYNC_META.zone, randomBytes(16).toString('hex'));
    store.writer.setMeta(SYNC_META.zoneKey, randomBytes(32).toString('base64'));
    store.writer.setMeta(SYNC_META.privateKey, keys.privateKey);
    store.writer.setMeta(SYNC_META.keyNode, node);
    store.writer.insert(
      actor,
      'sync_nodes',
      node,
      { label: clean, public_key: keys.publicKey, paired_at: now.toISOString(), paired_by: actor.username ?? '', revoked_at: null, revoked_by: null },
      { log: 'admin', action: 'sync.enable', detail: `Sincronizzazione attivata; prima postazione ${node} (${clean})` },
    );
  });
  return loadIdentity(store);
}

/** Revocation by an administrator: synced, so every node refuses the node's later segments. */
export function revokeNode(store: Store, actor: Actor, node: string, now: Date): void {
  const row = store.syncNodes.get(node);
  if (!row) throw new AppError('NOT_FOUND', 'Postazione sconosciuta.');
  if (row.revoked_at) throw new AppError('CONFLICT', 'Questa postazione è già revocata.');
  if (node === nodeIdOf(store)) throw new AppError('VALIDATION', 'Non si può revocare la postazione su cui si sta lavorando: farlo da un’altra postazione abbinata.');
  store.writer.update(
    actor,
    'sync_nodes',
    node,
    { revoked_at: now.toISOString(), revoked_by: actor.username ?? '' },
    { log: 'admin', action: 'sync.revoke', detail: `Postazione ${node} (${row.label}) revocata` },
  );
}
