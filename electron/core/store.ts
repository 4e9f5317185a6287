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
import { Writer } from './db/writer';

/** An open database with its repositories and write path: what services work on. */
export class Store {
  readonly audit: AuditRepository;
  readonly users: UsersRepository;
  readonly zone: ZoneRepository;
  readonly persons: PersonsRepository;
  readonly households: HouseholdsRepository;
  readonly isee: IseeRepository;
  readonly accessi: AccessiRepository;
  readonly cases: CasesRepository;
  readonly content: CaseContentRepository;
  readonly agenda: AgendaRepository;
  readonly notices: NoticesRepository;
  readonly firstRun: FirstRunRepository;
  readonly writer: Writer;

  private constructor(readonly db: Db) {
    this.audit = new AuditRepository(db);
    this.users = new UsersRepository(db);
    this.zone = new ZoneRepository(db);
    this.persons = new PersonsRepository(db);
    this.households = new HouseholdsRepository(db);
    this.isee = new IseeRepository(db);
    this.accessi = new AccessiRepository(db);
    this.cases = new CasesRepository(db);
    this.content = new CaseContentRepository(db);
    this.agenda = new AgendaRepository(db);
    this.notices = new NoticesRepository(db);
    this.firstRun = new FirstRunRepository(db);
    this.writer = new Writer(db, this.audit, new Clock(db));
  }

  static open(file: string, key: Buffer, create = false): Store {
    return new Store(openDatabase(file, key, { create }));
  }

  /** Over a database opened elsewhere: the bench runs the same code on plain SQLite. */
  static over(db: Db): Store {
    return new Store(db);
  }

  close(): void {
    closeDatabase(this.db);
  }
}
