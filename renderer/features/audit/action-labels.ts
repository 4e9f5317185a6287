import { PROFILE_LABELS, PROFILES, type Profile } from '../../../shared/domain/permissions';

/** Audit action codes in the office's words; an unknown code is shown as it is. */
const ACTION_NAMES: Record<string, string> = {
  'setup.init': 'Configurazione iniziale',
  'keys.recovery_issued': 'Emissione della chiave di recupero',
  'auth.login': 'Accesso',
  'auth.logout': 'Uscita',
  'auth.lock': 'Blocco della sessione',
  'auth.unlock': 'Sblocco della sessione',
  'auth.recover': "Recupero della password dell'amministratore",
  'auth.changePassword': 'Cambio della propria password',
  'users.list': 'Consultazione degli utenti',
  'users.create': 'Creazione di un utente',
  'users.update': 'Modifica di un utente',
  'users.setDisabled': 'Disattivazione o riattivazione di un utente',
  'users.disable': 'Disattivazione di un utente',
  'users.enable': 'Riattivazione di un utente',
  'users.resetPassword': 'Reimpostazione della password di un utente',
  'zone.get': 'Consultazione della zona',
  'zone.settings': 'Consultazione delle impostazioni della zona',
  'zone.update': 'Modifica delle impostazioni della zona',
  'zone.saveComune': 'Salvataggio di un comune',
  'zone.saveSede': 'Salvataggio di una sede',
  'zone.saveRoom': 'Salvataggio di una stanza',
  'audit.list': 'Consultazione del registro accessi',
  'audit.verify': "Verifica dell'integrità del registro",
};

export function actionLabel(code: string): string {
  return ACTION_NAMES[code] ?? code;
}

export function profileLabel(profile: string | null): string {
  if (!profile) return '—';
  return (PROFILES as readonly string[]).includes(profile) ? PROFILE_LABELS[profile as Profile] : profile;
}
