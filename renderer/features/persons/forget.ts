import { resetCases } from '../cases/store';
import { resetNotices } from '../notices/store';
import { resetPrivacy } from '../privacy/store';
import { resetSearch } from '../search/store';
import { resetPersons } from './store';

/** When the session ends, nothing of the people, case files or searches stays in memory for the next user. */
export function forgetCaseFiles(): void {
  resetSearch();
  resetPersons();
  resetCases();
  resetPrivacy();
  resetNotices();
}
