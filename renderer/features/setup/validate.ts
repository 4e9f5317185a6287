import { LIMITS, USERNAME_RE } from '../../../shared/domain/text';
import type { ShownError } from '../../api/errors';
import { checkNewPassword } from '../../components/password-check';
import type { AdminDraft, ZoneDraft } from './store';

const missing = (field: string, label: string): ShownError => ({ code: 'VALIDATION', message: `${label}: campo obbligatorio.`, field });

/** The checks that let the wizard stop a step early; the core repeats them all on setup.init. */
export function checkZoneDraft(zone: ZoneDraft): ShownError | null {
  if (!zone.nome.trim()) return missing('zone.nome', 'Nome della zona');
  if (!zone.ente.trim()) return missing('zone.ente', 'Ente');
  const letters = new Set<string>();
  for (const [i, sede] of zone.sedi.entries()) {
    const at = (name: string) => `zone.sedi.${i}.${name}`;
    if (!sede.nome.trim()) return missing(at('nome'), 'Nome della sede');
    const letter = sede.lettera.trim().toUpperCase();
    if (!/^[A-Z]$/.test(letter)) return { code: 'VALIDATION', message: 'Lettera della sede: una sola lettera.', field: at('lettera') };
    if (letters.has(letter)) return { code: 'VALIDATION', message: 'Ogni sede deve avere una lettera diversa.', field: at('lettera') };
    letters.add(letter);
    if (!sede.comuneIstat) return { code: 'VALIDATION', message: 'Scegli il comune della sede.', field: at('comuneIstat') };
    if (!sede.indirizzo.trim()) return missing(at('indirizzo'), 'Indirizzo');
  }
  if (!zone.letterhead.intestazione.trim()) return missing('zone.letterhead.intestazione', 'Intestazione');
  return null;
}

export function checkAdminDraft(admin: AdminDraft): ShownError | null {
  const name = admin.fullName.trim();
  if (name.length < LIMITS.fullName.min)
    return { code: 'VALIDATION', message: `Nome e cognome: almeno ${LIMITS.fullName.min} caratteri.`, field: 'admin.fullName' };
  const username = admin.username.trim().toLowerCase();
  if (username.length < LIMITS.username.min)
    return { code: 'VALIDATION', message: `Nome utente: almeno ${LIMITS.username.min} caratteri.`, field: 'admin.username' };
  if (!USERNAME_RE.test(username))
    return {
      code: 'VALIDATION',
      message: 'Nome utente: solo lettere minuscole, cifre, punto, trattino e trattino basso.',
      field: 'admin.username',
    };
  return checkNewPassword(admin.password, admin.confirm, username, 'admin.password', 'admin.confirm');
}
