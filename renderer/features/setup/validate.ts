import { SetupInput } from '../../../shared/contracts/auth';
import { checkWithSchema, type ShownError } from '../../api/errors';
import { checkNewPassword } from '../../components/password-check';
import type { AdminDraft, ZoneDraft } from './store';

/**
 * The contract's own schema checks each step, so the wizard marks every field at once and can
 * never disagree with the core (which repeats the same checks on setup.init).
 */
export function checkZoneDraft(zone: ZoneDraft): ShownError | null {
  return checkWithSchema(SetupInput.shape.zone, zone, 'zone');
}

export function checkAdminDraft(admin: AdminDraft): ShownError | null {
  const mismatch = admin.password !== '' && admin.password !== admin.confirm;
  const problem = checkWithSchema(
    SetupInput.shape.admin,
    { username: admin.username, fullName: admin.fullName, password: admin.password },
    'admin',
    mismatch ? [{ field: 'admin.confirm', message: 'Le due password non coincidono: riscrivi la conferma.' }] : [],
  );
  // The schema cannot know the user name while checking the password: the policy's own check can.
  return problem ?? checkNewPassword(admin.password, admin.confirm, admin.username.trim().toLowerCase(), 'admin.password', 'admin.confirm');
}
