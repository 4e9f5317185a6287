import { Clock } from './db/clock';
import { closeDatabase, openDatabase, type Db } from './db/open';
import { AuditRepository } from './db/repositories/audit.repo';
import { UsersRepository } from './db/repositories/users.repo';
import { ZoneRepository } from './db/repositories/zone.repo';
import { Writer } from './db/writer';

/** An open database with its repositories and write path: what services work on. */
export class Store {
  readonly audit: AuditRepository;
  readonly users: UsersRepository;
  readonly zone: ZoneRepository;
  readonly writer: Writer;

  private constructor(readonly db: Db) {
    this.audit = new AuditRepository(db);
    this.users = new UsersRepository(db);
    this.zone = new ZoneRepository(db);
    this.writer = new Writer(db, this.audit, new Clock(db));
  }

  static open(file: string, key: Buffer, create = false): Store {
    return new Store(openDatabase(file, key, { create }));
  }

  close(): void {
    closeDatabase(this.db);
  }
}
