import { Clock } from './db/clock';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { AuditRepository } from './db/repositories/audit.repo';
import { UsersRepository } from './db/repositories/users.repo';
import { ZoneRepository } from './db/repositories/zone.repo';
import { PersonsRepository } from './db/repositories/persons.repo';
import { HouseholdsRepository } from './db/repositories/households.repo';
import { IseeRepository } from './db/repositories/isee.repo';
import { AccessiRepository } from './db/repositories/accessi.repo';
import { CasesRepository } from './db/repositories/cases.repo';
import { CaseContentRepository } from './db/repositories/case-content.repo';
import { AgendaRepository } from './db/repositories/agenda.repo';
import { NoticesRepository } from './db/repositories/notices.repo';
import { FirstRunRepository } from './db/repositories/first-run.repo';
import { SalRepository } from './db/repositories/sal.repo';
import { SyncRepository } from './db/repositories/sync.repo';
import { SyncNodesRepository } from './db/repositories/sync-nodes.repo';
import { KeySlotsRepository } from './db/repositories/key-slots.repo';
import { BackupRepository } from './db/repositories/backup.repo';
import { DocumentsRepository } from './db/repositories/documents.repo';
import { SiussRepository } from './db/repositories/siuss.repo';
import { RightsRepository } from './db/repositories/rights.repo';
import { RecordsRepository } from './db/repositories/records.repo';
import { ReportsRepository } from './db/repositories/reports.repo';
import { Writer } from './db/writer';

/** Every repository over an open database, one line each: the store has one field per entry. */
function repositories(db: Db) {
  return {
    audit: new AuditRepository(db),
    users: new UsersRepository(db),
    zone: new ZoneRepository(db),
    persons: new PersonsRepository(db),
    households: new HouseholdsRepository(db),
    isee: new IseeRepository(db),
    accessi: new AccessiRepository(db),
    cases: new CasesRepository(db),
    content: new CaseContentRepository(db),
    agenda: new AgendaRepository(db),
    notices: new NoticesRepository(db),
    firstRun: new FirstRunRepository(db),
    sal: new SalRepository(db),
    sync: new SyncRepository(db),
    syncNodes: new SyncNodesRepository(db),
    keySlots: new KeySlotsRepository(db),
    backup: new BackupRepository(db),
    documents: new DocumentsRepository(db),
    siuss: new SiussRepository(db),
    rights: new RightsRepository(db),
    records: new RecordsRepository(db),
    reports: new ReportsRepository(db),
  } as const;
}

/** An open database with its repositories and write path: what services work on. */
export type Store = ReturnType<typeof repositories> & {
  readonly db: Db;
  readonly writer: Writer;
  close(): void;
};

function over(db: Db, home: string | null = null): Store {
  const repos = repositories(db);
  const writer = new Writer(db, repos.audit, new Clock(db, home));
  // Queued audit rows are written before the database closes.
  const close = () => {
    try {
      writer.close();
    } finally {
      closeDatabase(db);
    }
  };
  return { ...repos, db, writer, close };
}

export const Store = {
  /** `home`: the host and folder this database is used from (a copy elsewhere gets its own node id). */
  open(file: string, key: Buffer, create = false, home: string | null = null): Store {
    return over(openDatabase(file, key, { create }), home);
  },
  /** Over a database opened elsewhere: the bench runs the same code on plain SQLite. */
  over,
};
