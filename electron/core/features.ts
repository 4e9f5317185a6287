import type { FeatureChannels, FeatureName } from '../../shared/contracts';
import type { DataDir } from './data-dir';
import { agendaHandlers } from './ipc/handlers/agenda.handlers';
import { firstRunHandlers } from './ipc/handlers/first-run.handlers';
import { auditHandlers } from './ipc/handlers/audit.handlers';
import { authHandlers } from './ipc/handlers/auth.handlers';
import { casesHandlers } from './ipc/handlers/cases.handlers';
import { noticesHandlers } from './ipc/handlers/notices.handlers';
import { personsHandlers } from './ipc/handlers/persons.handlers';
import { placesHandlers } from './ipc/handlers/places.handlers';
import { privacyHandlers } from './ipc/handlers/privacy.handlers';
import { uploadsHandlers } from './ipc/handlers/uploads.handlers';
import { usersHandlers } from './ipc/handlers/users.handlers';
import { zoneHandlers } from './ipc/handlers/zone.handlers';
import { salHandlers } from './ipc/handlers/sal.handlers';
import { backupHandlers } from './ipc/handlers/backup.handlers';
import type { BackupService } from './services/backup/backup.service';
import { lettersHandlers } from './ipc/handlers/letters.handlers';
import { conflictsHandlers } from './ipc/handlers/conflicts.handlers';
import { syncHandlers } from './ipc/handlers/sync.handlers';
import type { SyncService } from './services/sync/sync.service';
import { siussHandlers } from './ipc/handlers/siuss.handlers';
import { rightsHandlers } from './ipc/handlers/rights.handlers';
import { recordsHandlers } from './ipc/handlers/records.handlers';
import { retentionHandlers } from './ipc/handlers/retention.handlers';
import { reportsHandlers } from './ipc/handlers/reports.handlers';
import type { FeatureHandlers, HandlerMap } from './ipc/router';
import type { AuthService } from './services/auth/auth.service';
import type { KeyRing } from './services/auth/key-ring';
import type { Vault } from './services/auth/vault';
import type { PlaceNames } from './services/persons/place-names';
import type { Transfers } from './services/transfers/transfers';
import type { PdfRenderer } from './services/letters/pdf-renderer';

/** What the core hands every feature's handler factory; each factory takes the part it uses. */
export interface HandlerDeps {
  now: () => number;
  dir: DataDir;
  workstation: string;
  vault: Vault;
  keys: KeyRing;
  auth: AuthService;
  transfers: Transfers;
  backups: BackupService;
  sync: SyncService;
  places: PlaceNames;
  /** Resolves once the place names have loaded (they load in the background at start-up). */
  placesReady: () => Promise<unknown>;
  /** HTML → PDF: the system Chromium, or the Electron shell's printToPDF (chosen by how the core started). */
  pdf: PdfRenderer;
}

/**
 * One handler factory per feature of the contract, one line each. The type asks for every
 * feature of `FEATURES` (shared/contracts/index.ts) and, from each factory, every channel of
 * that feature: a channel without a handler does not compile. A channel served by two factories
 * stops `createHandlers`; a handler without a channel stops the Router at start.
 */
const FEATURE_HANDLERS: { [F in FeatureName]: (deps: HandlerDeps) => FeatureHandlers<FeatureChannels<F>> } = {
  auth: authHandlers,
  users: usersHandlers,
  zone: zoneHandlers,
  audit: auditHandlers,
  persons: personsHandlers,
  cases: casesHandlers,
  places: placesHandlers,
  privacy: privacyHandlers,
  agenda: agendaHandlers,
  notices: noticesHandlers,
  uploads: uploadsHandlers,
  firstRun: firstRunHandlers,
  sal: salHandlers,
  backup: backupHandlers,
  letters: lettersHandlers,
  conflicts: conflictsHandlers,
  sync: syncHandlers,
  siuss: siussHandlers,
  rights: rightsHandlers,
  records: recordsHandlers,
  retention: retentionHandlers,
  reports: reportsHandlers,
};

/** Every channel's handler, from every feature's factory; a channel served twice stops the program. */
export function createHandlers(deps: HandlerDeps): HandlerMap {
  const all: Record<string, unknown> = {};
  for (const [feature, factory] of Object.entries(FEATURE_HANDLERS)) {
    for (const [name, handler] of Object.entries(factory(deps))) {
      if (Object.hasOwn(all, name)) throw new Error(`Canale implementato due volte: ${name} (${feature})`);
      all[name] = handler;
    }
  }
  return all as HandlerMap;
}
