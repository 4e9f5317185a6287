import { AppError } from '../../../../shared/domain/errors';
import { passwordProblem } from '../../../../shared/domain/password-policy';

/**
 * The channel schemas check length and strength; only the service knows whose password it is,
 * so the rule about the user name (and zxcvbn's use of it) is applied here.
 */
export function assertNewPassword(password: string, username: string, field: string): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError('VALIDATION', problem, field);
}
