import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '../../../../shared/domain/errors';
import { DataDir } from '../../data-dir';
import { NODE_HOME_META, NODE_SYNC_META } from '../../db/node-identity';
import type { Actor } from '../../db/repositories/audit.repo';
import type { KdfParams } from '../../keys/key-wrap';
import { Store } from '../../store';
import { atomicWrite } from '../../files/atomic-write';
import { checkFolder, ownSegmentCount, zoneFolder } from '../../sync/sync-folder';
import { commitRestore } from '../backup/commit-restore';
import { createBackup, type BackupSource, type ProgressReport } from '../backup/create-backup';
import { MANIFEST_FILE } from '../backup/manifest';
import { stageRestore } from '../backup/stage-restore';
import { cleanLabel, loadIdentity, newNodeKeys, SYNC_META } from './identity';
import { checkPassphrase, fingerprint, PAIRING_KDF, readPairingFile, writePairingFile, type PairingSecret } from './pairing-file';

export interface MadePairing {
  file: string;
  snapshotDir: string;
  node: string;
  fingerprint: string;
}

const sha256File = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/**
 * On a paired node, an administrator invites a new one: a key pair made here for it and its row
 * in sync_nodes (so every node accepts its segments once this row reaches them), then a fresh
 * backup beside the pairing file (the snapshot the new node starts from, which already holds that
 * row), then the pairing file itself, sealed with the passphrase.
 */
export async function createPairing(
  source: BackupSource,
  actor: Actor,
  input: { label: string; passphrase: string; outFile: string },
  at: Date,
  options: { kdf?: KdfParams; progress?: ProgressReport } = {},
): Promise<MadePairing> {
  const store = source.store;
  const id = loadIdentity(store);
  if (id.state !== 'ready') throw new AppError('CONFLICT', id.state === 'off' ? 'Attivare prima la sincronizzazione su questa postazione.' : id.message);
  const label = cleanLabel(input.label);
  checkPassphrase(input.passphrase);
  const outFile = path.resolve(input.outFile);
  const folder = path.dirname(outFile);
  if (!fs.existsSync(folder)) throw new AppError('NOT_FOUND', `La cartella dove salvare il file di abbinamento non esiste (${folder}).`);
  const keys = newNodeKeys();
  const node = randomBytes(8).toString('hex');
  const zoneKey = store.writer.getMeta(SYNC_META.zoneKey)!;
  store.writer.insert(
    actor,
    'sync_nodes',
    node,
    { label, public_key: keys.publicKey, paired_at: at.toISOString(), paired_by: actor.username ?? '', revoked_at: null, revoked_by: null },
    { log: 'admin', action: 'sync.pair', detail: `Nuova postazione ${node} (${label}) invitata dalla postazione ${id.node}` },
  );
  const made = await createBackup(source, folder, at, options.progress);
  const own = store.syncNodes.get(id.node);
  const secret: PairingSecret = {
    zone: id.zone,
    zoneKey,
    node,
    label,
    publicKey: keys.publicKey,
    privateKey: keys.privateKey,
    inviter: id.node,
    inviterLabel: own?.label ?? '',
    snapshotManifestSha256: sha256File(path.join(made.path, MANIFEST_FILE)),
  };
  await writePairingFile(outFile, secret, input.passphrase, made.name, at, options.kdf ?? PAIRING_KDF);
  return { file: outFile, snapshotDir: made.path, node, fingerprint: fingerprint(zoneKey, keys.publicKey) };
}

export interface JoinInput {
  /** An empty or new data folder. */
  target: string;
  pairingFile: string;
  passphrase: string;
  /** The shared sync folder. */
  folder: string;
  /** An account of the zone (the snapshot's own key file opens with it). */
  username: string;
  password: string;
  workstation: string;
}

export interface Joined {
  node: string;
  fingerprint: string;
  label: string;
  inviterLabel: string;
  key: Buffer;
}

/**
 * The new node: the pairing file opened, the snapshot beside it verified and restored into the
 * empty folder (the backup's checks, staging and swap), then bound as the node the pairing
 * named: its id, its key pair, the zone's keys and the folder. What the snapshot holds of the
 * inviter counts as received from it (its cursor); what the inviter had not yet shipped comes
 * again in its next segment, and applying a change twice changes nothing.
 */
export async function joinFromPairing(input: JoinInput, progress?: ProgressReport): Promise<Joined> {
  const opened = await readPairingFile(input.pairingFile, input.passphrase);
  const { secret } = opened;
  const snapshotDir = path.join(path.dirname(path.resolve(input.pairingFile)), opened.snapshot);
  const manifest = path.join(snapshotDir, MANIFEST_FILE);
  if (!fs.existsSync(manifest))
    throw new AppError('NOT_FOUND', `Manca la copia dei dati che accompagna il file di abbinamento: la cartella ${opened.snapshot} va copiata accanto al file.`);
  if (sha256File(manifest) !== secret.snapshotManifestSha256) throw new AppError('VALIDATION', 'La copia dei dati accanto al file di abbinamento non è quella creata con esso.');
  checkFolder(input.folder, true);
  // One-time: the first join claims the node's folder with a marker (it may have nothing to send yet).
  const claim = path.join(zoneFolder(input.folder, secret.zone), secret.node, 'abbinata.json');
  if (fs.existsSync(claim) || ownSegmentCount(input.folder, secret.zone, secret.node) > 0) {
    throw new AppError('CONFLICT', 'Questo file di abbinamento è già stato usato da un’altra postazione: crearne uno nuovo.');
  }
  const staged = await stageRestore(
    snapshotDir,
    input.target,
    { kind: 'password', username: input.username, password: input.password },
    {
      workstation: input.workstation,
      ...(progress ? { progress } : {}),
    },
  );
  try {
    commitRestore(input.target, staged);
    bindJoinedNode(new DataDir(input.target).dbFile, staged.key, secret, input.folder);
    fs.mkdirSync(path.dirname(claim), { recursive: true });
    atomicWrite(claim, `${JSON.stringify({ node: secret.node, joinedAt: new Date().toISOString() })}\n`);
  } catch (error) {
    staged.key.fill(0);
    throw error;
  }
  return { node: secret.node, fingerprint: fingerprint(secret.zoneKey, secret.publicKey), label: secret.label, inviterLabel: secret.inviterLabel, key: staged.key };
}

function bindJoinedNode(dbFile: string, key: Buffer, secret: PairingSecret, folder: string): void {
  const store = Store.open(dbFile, key);
  try {
    // The inviter's private key came with the snapshot: overwritten below, its old bytes zeroed.
    store.syncNodes.secureDelete();
    const w = store.writer;
    const inviterShipped = w.getMeta(NODE_SYNC_META.segmentSeq) ?? '0';
    w.transaction(() => {
      w.setMeta('node_id', secret.node);
      w.setMeta('node_copied_from', secret.inviter);
      // Bound to this host and folder as the vault binds it: opened here it keeps the paired id.
      w.setMeta(
        NODE_HOME_META,
        createHash('sha256')
          .update(`${os.hostname()}\n${fs.realpathSync(dbFile)}`)
          .digest('hex'),
      );
      w.setMeta(NODE_SYNC_META.segmentSeq, '0');
      w.setMeta(NODE_SYNC_META.sentChangeSeq, '0');
      w.setMeta(`${NODE_SYNC_META.cursorPrefix}${secret.inviter}`, inviterShipped);
      w.setMeta(SYNC_META.zone, secret.zone);
      w.setMeta(SYNC_META.zoneKey, secret.zoneKey);
      w.setMeta(SYNC_META.privateKey, secret.privateKey);
      w.setMeta(SYNC_META.keyNode, secret.node);
      w.setMeta(SYNC_META.folder, path.resolve(folder));
      w.setMeta(SYNC_META.lastReport, '');
    });
  } finally {
    store.close();
  }
}
