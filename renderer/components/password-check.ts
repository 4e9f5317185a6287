import { passwordProblem } from '../../shared/domain/password-policy';
import type { ShownError } from '../api/errors';

/**
 * The same rule the core applies, checked before sending so the user sees it at once; the
 * `field` names match the form fields that show the message.
 */
export function checkNewPassword(password: string, confirm: string, username: string | undefined, field = 'newPassword', confirmField = 'confirm'): ShownError | null {
  const problem = passwordProblem(password, username);
  if (problem) return { code: 'VALIDATION', message: problem, field };
  if (password !== confirm) return { code: 'VALIDATION', message: 'Le due password non coincidono: riscrivi la conferma.', field: confirmField };
  return null;
}
