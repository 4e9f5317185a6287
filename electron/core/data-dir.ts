import fs from 'node:fs';
import path from 'node:path';

/** Where a workstation's data lives: the encrypted database and, beside it, the key file. */
export class DataDir {
  readonly dbFile: string;
  readonly keyFile: string;
  /** Set-up builds both files here first; the key file's rename is the commit point. */
  readonly stagingDir: string;
  /** Failed-attempt counts per user name (no name in clear): they survive a restart. */
  readonly throttleFile: string;
  /** Security events from while the database was closed, each sealed to the database's own key. */
  readonly pendingAuditFile: string;

  constructor(readonly root: string) {
    this.dbFile = path.join(root, 'archivio.db');
    this.keyFile = path.join(root, 'chiavi.json');
    this.stagingDir = path.join(root, '.configurazione-in-corso');
    this.throttleFile = path.join(root, 'tentativi.json');
    this.pendingAuditFile = path.join(root, 'eventi-in-sospeso.jsonl');
  }

  isSetUp(): boolean {
    return fs.existsSync(this.keyFile);
  }

  /**
   * A set-up that stopped after committing the key file but before moving the database into
   * place is finished here. Nothing is ever deleted.
   */
  completeInterruptedSetup(): void {
    const staged = path.join(this.stagingDir, 'archivio.db');
    if (this.isSetUp() && !fs.existsSync(this.dbFile) && fs.existsSync(staged)) {
      fs.renameSync(staged, this.dbFile);
      fs.rmSync(this.stagingDir, { recursive: true, force: true });
    }
  }
}
