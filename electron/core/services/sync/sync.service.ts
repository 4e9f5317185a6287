import path from 'node:path';
import { SYNC_INTERVAL_DEFAULT_MIN, type SyncReportSummaryData, type SyncStatusData } from '../../../../shared/contracts/sync';
import { AppError } from '../../../../shared/domain/errors';
import type { DataDir } from '../../data-dir';
import type { Actor } from '../../db/repositories/audit.repo';
import type { Store } from '../../store';
import { guardSettings } from '../../sync/hold-state';
import { checkFolder } from '../../sync/sync-folder';
import { syncOnce, type SyncReport } from '../../sync/sync-cycle';
import { syncLogOf } from '../../sync/sync-log';
import type { KdfParams } from '../../keys/key-wrap';
import type { KeyRing } from '../auth/key-ring';
import { syncKeyFile } from '../auth/key-slots';
import type { Vault } from '../auth/vault';
import type { ProgressReport } from '../backup/create-backup';
import { enableSync, loadIdentity, revokeNode, SYNC_META } from './identity';
import { confirmHold, heldBatch, holdMessage, holdsAndStops, refuseHold, saveArchiveGuard } from './hold-decisions';
import { folderHeads, nodeStatuses } from './node-status';
import { createPairing, type MadePairing } from './pairing';
import { fingerprint } from './pairing-file';

export interface SyncServiceDeps {
  vault: Vault;
  dir: DataDir;
  /** This node's key file: brought in line with the synced key slots after each cycle. */
  keys: KeyRing;
  workstation: string;
  now: () => number;
}

/** How many of the newest refusals the screen lists. */
const REJECTIONS_SHOWN = 20;

/** Sync as the program runs it: the screen's channels and the automatic cycle while the vault is open. */
export class SyncService {
  private running = false;

  constructor(private readonly deps: SyncServiceDeps) {}

  private store(): Store {
    return this.deps.vault.current();
  }

  private systemActor(): Actor {
    return { userId: null, username: null, profile: null, workstation: this.deps.workstation };
  }

  private folder(store: Store): string {
    return store.writer.getMeta(SYNC_META.folder) ?? '';
  }

  private intervalMin(store: Store): number {
    return Number(store.writer.getMeta(SYNC_META.intervalMin) ?? SYNC_INTERVAL_DEFAULT_MIN) || SYNC_INTERVAL_DEFAULT_MIN;
  }

  private lastReport(store: Store): SyncReportSummaryData | null {
    const raw = store.writer.getMeta(SYNC_META.lastReport);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SyncReportSummaryData;
    } catch {
      return null;
    }
  }

  status(): SyncStatusData {
    const store = this.store();
    const id = loadIdentity(store);
    const folder = this.folder(store);
    const last = this.lastReport(store);
    const zone = id.state === 'off' ? null : id.zone;
    const heads = zone ? folderHeads(folder, zone) : null;
    const own = store.syncNodes.get(id.node);
    const zoneKey = store.writer.getMeta(SYNC_META.zoneKey);
    let reachable: string | null = null;
    if (id.state === 'ready' && folder !== '') {
      try {
        checkFolder(folder, false);
      } catch (error) {
        reachable = error instanceof AppError ? error.message : 'La cartella di sincronizzazione non è raggiungibile.';
      }
    }
    const blocking = id.state === 'unpaired' || id.state === 'revoked' ? id.message : null;
    const stopped = last?.outcome === 'error' ? last.message : null;
    const decisions = id.state === 'off' ? { holds: [], stopped: [] } : holdsAndStops(store, id.node);
    const label = (node: string) => store.syncNodes.get(node)?.label ?? node;
    const rejections =
      id.state === 'off'
        ? []
        : syncLogOf(store)
            .recent(REJECTIONS_SHOWN)
            .map((e) => ({ ...e, label: label(e.node) }));
    return {
      state: id.state,
      node: id.node,
      folder,
      intervalMin: this.intervalMin(store),
      fingerprint: own && zoneKey && id.state === 'ready' ? fingerprint(zoneKey, own.public_key) : null,
      nodes: id.state === 'off' ? [] : nodeStatuses(store, id.node, heads),
      lastReport: last,
      running: this.running,
      openConflicts: store.syncNodes.openConflicts(),
      blocking,
      archiveGuard: guardSettings(store),
      holds: decisions.holds,
      stopped: decisions.stopped,
      rejections,
      banner: blocking ?? decisions.holds[0]?.message ?? decisions.stopped[0]?.message ?? reachable ?? (id.state === 'ready' ? stopped : null),
    };
  }

  setFolder(actor: Actor, input: { folder: string; intervalMin: number }): SyncStatusData {
    const folder = path.resolve(input.folder);
    checkFolder(folder, true);
    const store = this.store();
    store.writer.transaction(() => {
      store.writer.setMeta(SYNC_META.folder, folder);
      store.writer.setMeta(SYNC_META.intervalMin, String(input.intervalMin));
      store.writer.record(actor, { log: 'admin', action: 'sync.setFolder', detail: `Cartella ${folder}; ogni ${input.intervalMin} minuti` });
    });
    return this.status();
  }

  enable(actor: Actor, label: string): SyncStatusData {
    enableSync(this.store(), actor, label, new Date(this.deps.now()));
    return this.status();
  }

  revoke(actor: Actor, node: string): SyncStatusData {
    revokeNode(this.store(), actor, node, new Date(this.deps.now()));
    return this.status();
  }

  setArchiveGuard(actor: Actor, input: { sharePct: number; minRows: number }): SyncStatusData {
    saveArchiveGuard(this.store(), actor, input);
    return this.status();
  }

  /** The batch goes through: applied by a cycle right away (or the next one, if the folder is away). */
  confirmHold(actor: Actor, input: { node: string; seq: number }): SyncStatusData {
    confirmHold(this.store(), actor, input, new Date(this.deps.now()));
    try {
      this.runNow(actor);
    } catch {
      // The cycle's own message is the last report; the screen shows it.
    }
    return this.status();
  }

  refuseHold(actor: Actor, input: { node: string; seq: number }): SyncStatusData {
    const store = this.store();
    heldBatch(store, input.node, input.seq);
    const id = loadIdentity(store);
    if (id.state !== 'ready') throw new AppError('CONFLICT', id.state === 'off' ? 'La sincronizzazione non è attiva su questa postazione.' : id.message);
    refuseHold(store, this.deps.dir, this.folder(store), id.zone, id.node, actor, input, new Date(this.deps.now()));
    return this.status();
  }

  /** The screen names a folder (a USB stick): the file is named by date only, no personal data. */
  createPairing(actor: Actor, input: { label: string; passphrase: string; folder: string }, progress?: ProgressReport): Promise<MadePairing> {
    const stamp = new Date(this.deps.now()).toISOString().replace(/[-:]/g, '').slice(0, 15);
    const outFile = path.join(path.resolve(input.folder), `abbinamento-${stamp}.udcp`);
    return this.createPairingFile(actor, { label: input.label, passphrase: input.passphrase, outFile }, progress);
  }

  async createPairingFile(actor: Actor, input: { label: string; passphrase: string; outFile: string }, progress?: ProgressReport, kdf?: KdfParams): Promise<MadePairing> {
    // A private copy of the key: a logout meanwhile wipes the vault's, not this one.
    const key = Buffer.from(this.deps.vault.databaseKey());
    try {
      return await createPairing({ store: this.store(), key, dir: this.deps.dir }, actor, input, new Date(this.deps.now()), {
        ...(progress ? { progress } : {}),
        ...(kdf ? { kdf } : {}),
      });
    } finally {
      key.fill(0);
    }
  }

  /** One cycle now ("Sincronizza ora", the automatic cycle, the CLI); `folder` overrides the saved one. */
  runNow(actor: Actor, progress: ProgressReport = () => undefined, folderOverride?: string): { summary: SyncReportSummaryData; report: SyncReport | null } {
    if (this.running) throw new AppError('CONFLICT', 'Una sincronizzazione è già in corso: attendi che finisca.');
    const store = this.store();
    const id = loadIdentity(store);
    if (id.state === 'off') throw new AppError('VALIDATION', 'La sincronizzazione non è attiva su questa postazione (Impostazioni → Sincronizzazione).');
    if (id.state !== 'ready') throw new AppError('FORBIDDEN', id.message);
    const folder = folderOverride ?? this.folder(store);
    if (folder === '') throw new AppError('VALIDATION', 'Scegli prima la cartella di sincronizzazione.', 'folder');
    const at = new Date(this.deps.now()).toISOString();
    this.running = true;
    try {
      let report: SyncReport;
      try {
        report = syncOnce(store, folder, id.identity, actor, () => new Date(this.deps.now()), progress);
      } finally {
        // Whatever the cycle applied before it stopped: accounts created or changed elsewhere open here.
        this.updateKeyFile(store, actor);
      }
      const held = report.held[0];
      const message =
        report.blocking ??
        (held ? holdMessage(store.syncNodes.get(held.node)?.label ?? held.node, held) : null) ??
        report.driftWarning ??
        `Inviate ${report.sentChanges} modifiche, ricevuti ${report.receivedSegments} pacchetti, applicate ${report.appliedChanges} modifiche${report.rejected.length > 0 ? `, ${report.rejected.length} pacchetti rifiutati` : ''}.`;
      const summary: SyncReportSummaryData = {
        at,
        outcome: report.blocking ? 'error' : 'ok',
        sent: report.sentChanges,
        received: report.receivedSegments,
        applied: report.appliedChanges,
        rejected: report.rejected.length,
        message,
      };
      store.writer.setMeta(SYNC_META.lastReport, JSON.stringify(summary));
      return { summary, report };
    } catch (error) {
      const message = error instanceof AppError ? error.message : 'La sincronizzazione non è riuscita per un errore imprevisto; il lavoro continua su questa postazione.';
      const summary: SyncReportSummaryData = { at, outcome: 'error', sent: 0, received: 0, applied: 0, rejected: 0, message };
      if (this.deps.vault.isOpen) {
        store.writer.setMeta(SYNC_META.lastReport, JSON.stringify(summary));
        store.writer.record(actor, { log: 'admin', action: 'sync.run', outcome: 'error', detail: message });
      }
      throw error instanceof AppError ? error : new AppError('INTERNAL', message);
    } finally {
      this.running = false;
    }
  }

  private updateKeyFile(store: Store, actor: Actor): void {
    if (!this.deps.vault.isOpen) return;
    const signedIn = new Set(this.deps.vault.attached().flatMap((c) => (c.session ? [c.session.user.id] : [])));
    try {
      const r = syncKeyFile(store, this.deps.keys, signedIn);
      if (r.added + r.replaced + r.removed + r.refused === 0) return;
      store.writer.record(actor, {
        log: 'admin',
        action: 'keys.sync',
        outcome: r.refused > 0 ? 'error' : 'ok',
        detail: `File delle chiavi aggiornato dalle altre postazioni: ${r.added} utenti aggiunti, ${r.replaced} password aggiornate, ${r.removed} voci tolte${r.refused > 0 ? `, ${r.refused} voci rifiutate (non valide o con protezione più debole di quella di questa postazione)` : ''}`,
      });
    } catch (error) {
      // The data synced; the key file is brought in line again after the next cycle.
      store.writer.record(actor, {
        log: 'admin',
        action: 'keys.sync',
        outcome: 'error',
        detail: `File delle chiavi non aggiornato (${(error as NodeJS.ErrnoException).code ?? (error as Error).name})`,
      });
    }
  }

  /** Called every minute by the core: a cycle when one is due, the vault open and a folder set. */
  tick(): void {
    if (this.running || !this.deps.vault.isOpen) return;
    const store = this.store();
    if (loadIdentity(store).state !== 'ready' || this.folder(store) === '') return;
    const last = this.lastReport(store);
    if (last && this.deps.now() - Date.parse(last.at) < this.intervalMin(store) * 60_000) return;
    try {
      this.runNow(this.systemActor());
    } catch {
      // Kept as the last report: the banner tells whoever is working; everything else goes on.
    }
  }
}
