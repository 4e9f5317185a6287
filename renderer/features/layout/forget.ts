import { resetCases } from '../cases';
import { resetSal } from '../sal';
import { resetDocumenti } from '../documenti';
import { resetNotices } from '../notices';
import { resetPrivacy } from '../privacy';
import { resetSearch } from '../search';
import { resetPersons } from '../persons';
import { resetBackup } from '../backup';
import { resetConflicts } from '../conflicts';
import { resetSync } from '../sync';
import { resetSiuss } from '../siuss';
import { resetRights } from '../rights';
import { resetReport } from '../report';

/** When the session ends, nothing of the people, case files or searches stays in memory for the next user. */
export function forgetCaseFiles(): void {
  resetSearch();
  resetPersons();
  resetCases();
  resetSal();
  resetDocumenti();
  resetPrivacy();
  resetNotices();
  resetBackup();
  resetConflicts();
  resetSync();
  resetSiuss();
  resetRights();
  // The coordinator's exact small counts leave memory with the session.
  resetReport();
}
