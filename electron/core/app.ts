import os from 'node:os';
import type { Reply } from '../../shared/contracts';
import type { CoreEventData } from '../../shared/contracts/events';
import { DataDir } from './data-dir';
import { uuidv7 } from './ids';
import { createHandlers } from './features';
import { Transfers } from './services/transfers/transfers';
import { loadPlaces, loadedPlaces } from './places/places';
import type { PlaceNames } from './services/persons/place-names';
import { Router } from './ipc/router';
import { PASSWORD_KDF, type KdfParams } from './keys/key-wrap';
import { AuthService } from './services/auth/auth.service';
import { KeyRing } from './services/auth/key-ring';
import { ConnectionState, actorOf } from './services/auth/session';
import type { WorkContext } from './services/work-context';
import { AppError } from '../../shared/domain/errors';
import { can, forbiddenMessage, type Action } from '../../shared/domain/permissions';
import { Vault } from './services/auth/vault';
import { BackupService } from './services/backup/backup.service';
import { SyncService } from './services/sync/sync.service';
import { recoverInterruptedRestore, type SwapStep } from './services/backup/commit-restore';
import type { Store } from './store';
import { ChromiumPdf } from './services/letters/chromium-pdf';
import type { PdfRenderer } from './services/letters/pdf-renderer';

export interface CoreOptions {
  dataDir: string;
  workstation?: string;
  /** Tests use a cheaper scrypt; the parameters are stored with each key-file entry. */
  passwordKdf?: KdfParams;
  now?: () => number;
  /** How often the audit chains are anchored in the key file while open; 5 minutes unless told. */
  anchorIntervalMs?: number;
  /**
   * Runs the idle-lock sweep every few seconds; returns a stop function. Tests inject one that
   * hands them the tick, with a fake clock, instead of waiting.
   */
  idleTimer?: (tick: () => void) => () => void;
  /** Checks every minute whether an automatic backup is due; tests inject one that hands them the tick. */
  backupTimer?: (tick: () => void) => () => void;
  /** Checks every minute whether an automatic sync cycle is due; tests inject one that hands them the tick. */
  syncTimer?: (tick: () => void) => () => void;
  /** Tests stop a restore half-way here (after the current data was moved aside), to see it survive. */
  onRestoreStep?: (step: SwapStep) => void;
  /** How letters become PDF: the Electron shell's printToPDF in the app, the system Chromium otherwise. */
  pdf?: PdfRenderer;
}

/** Idle sessions lock, and the database closes, within this long of their limit without any call. */
export const IDLE_CHECK_MS = 5_000;

function every(ms: number): (tick: () => void) => () => void {
  return (tick) => {
    const timer = setInterval(tick, ms);
    timer.unref();
    return () => clearInterval(timer);
  };
}

const BACKUP_CHECK_MS = 60_000;

/** One client's handle on the core. */
export interface Connection {
  readonly id: string;
  call(channel: string, payload: unknown): Promise<Reply<unknown>>;
  close(): void;
}

export interface Core {
  readonly dataDir: DataDir;
  readonly workstation: string;
  /** `push` receives the core's events for this client (changed tables, progress of its long work). */
  connect(transport: ConnectionState['transport'], push?: (event: CoreEventData) => void): Connection;
  /**
   * For the CLI's bulk verbs (seed): the services' context of a logged-in CLI connection, after
   * the same permission check the router makes. Never reachable from a window or a page.
   */
  cliWork(conn: Connection, action: Action): WorkContext;
  /** The backup service, for the CLI's `backup` verb (after `cliWork(conn, 'backup.manage')`). */
  readonly backups: BackupService;
  /** The sync service, for the CLI's `sync` verbs (after `cliWork`). */
  readonly sync: SyncService;
  close(): void;
}

/** Place names once the data package has loaded (it loads in the background at start-up). */
const PLACE_NAMES: PlaceNames = {
  byBelfiore: (code) => loadedPlaces()?.byBelfiore(code)?.nome ?? null,
  byIstat: (code) => loadedPlaces()?.byIstat(code)?.nome ?? null,
};

/**
 * The Electron-free core, the same in the utilityProcess, in browser mode, in the CLI and in
 * tests: data folder, vault, services and the router behind one `connect()`.
 */
export function createCore(options: CoreOptions): Core {
  const dir = new DataDir(options.dataDir);
  // A restore the process did not live to finish is undone (or completed) before anything opens.
  recoverInterruptedRestore(dir.root);
  const workstation = options.workstation ?? os.hostname();
  const keys = new KeyRing(dir, options.passwordKdf ?? PASSWORD_KDF);
  const now = options.now ?? Date.now;
  const open = new Map<string, ConnectionState>();
  // After every committed write, every unlocked client re-reads what it shows (names only, no data).
  const onOpen = (store: Store) =>
    store.writer.onCommit((tables) => {
      for (const state of open.values()) if (state.session && !state.session.locked) state.push({ type: 'changed', tables });
    });
  const vault = new Vault(dir, { workstation, now, onOpen, ...(options.anchorIntervalMs ? { anchorIntervalMs: options.anchorIntervalMs } : {}) });
  void loadPlaces();
  const transfers = new Transfers();
  const pdf = options.pdf ?? new ChromiumPdf();
  const auth = new AuthService(vault, keys, workstation, now);
  const stopIdleTimer = (options.idleTimer ?? every(IDLE_CHECK_MS))(() => auth.sweepIdle());
  const backups = new BackupService({ dir, vault, auth, gate: keys.gate, workstation, now, ...(options.onRestoreStep ? { onRestoreStep: options.onRestoreStep } : {}) });
  const stopBackupTimer = (options.backupTimer ?? every(BACKUP_CHECK_MS))(() => void backups.tick());
  const sync = new SyncService({ dir, vault, keys, workstation, now });
  const stopSyncTimer = (options.syncTimer ?? every(BACKUP_CHECK_MS))(() => sync.tick());
  const router = new Router(
    createHandlers({ now, dir, workstation, vault, keys, auth, transfers, backups, sync, places: PLACE_NAMES, placesReady: loadPlaces, pdf }),
    auth,
    vault,
    workstation,
    now,
  );
  return {
    dataDir: dir,
    workstation,
    backups,
    sync,
    connect(transport, push) {
      const state = new ConnectionState(uuidv7(), transport, push);
      open.set(state.id, state);
      return {
        id: state.id,
        call: (channel, payload) => router.dispatch(state, channel, payload),
        close: () => {
          if (!open.delete(state.id)) return;
          transfers.dropConnection(state.id);
          auth.disconnect(state);
        },
      };
    },
    cliWork(conn, action) {
      const state = open.get(conn.id);
      const session = state?.session;
      if (!state || state.transport !== 'cli' || !session || session.locked) throw new AppError('NOT_AUTHENTICATED');
      if (!can(session.user.profile, action)) throw new AppError('FORBIDDEN', forbiddenMessage(session.user.profile, action));
      return { store: vault.current(), actor: actorOf(session, workstation), userId: session.user.id, profile: session.user.profile, now };
    },
    close() {
      stopIdleTimer();
      stopBackupTimer();
      stopSyncTimer();
      for (const state of open.values()) {
        transfers.dropConnection(state.id);
        auth.disconnect(state);
      }
      open.clear();
      vault.close();
      // The warm Chromium (if one was started) goes with the core.
      void pdf.close();
    },
  };
}
