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
  'audit.anchor': 'Primo ancoraggio esterno del registro',
  'audit.anchor.break': 'Registro non coerente con il suo ancoraggio esterno',
  'persons.search': 'Ricerca di persone',
  'persons.check': 'Verifica del codice fiscale',
  'households.create': 'Creazione di un nucleo familiare',
  'persons.get': 'Consultazione della scheda della persona',
  'persons.create': 'Inserimento di una persona',
  'persons.update': 'Modifica dell’anagrafica',
  'households.addMember': 'Aggiunta di un componente del nucleo',
  'households.updateMember': 'Modifica di un componente del nucleo',
  'households.removeMember': 'Uscita di un componente dal nucleo',
  'isee.save': 'Registrazione di un ISEE',
  'accessi.create': 'Registrazione di un accesso allo sportello',
  'accessi.toCase': 'Apertura della cartella da un accesso',
  'cases.open': 'Apertura di una cartella',
  'cases.get': 'Consultazione della cartella',
  'cases.update': 'Modifica di area e problematiche',
  'cases.setStatus': 'Cambio di stato della cartella',
  'cases.assign': 'Assegnazione di un operatore',
  'cases.transfer': 'Trasferimento della cartella',
  'cases.endAssignment': 'Fine di un’assegnazione',
  'cases.emergencyAccess': 'Accesso in emergenza',
  'cases.archive': 'Archiviazione della cartella',
  'diary.create': 'Nuova annotazione nel diario',
  'diary.update': 'Modifica di un’annotazione',
  'diary.get': 'Lettura di un’annotazione del diario',
  'pai.save': 'Salvataggio del PAI',
  'pai.close': 'Chiusura del PAI',
  'interventions.save': 'Salvataggio di un intervento',
  'interventions.addDelivery': 'Registrazione di un’erogazione',
  'attachments.upload': 'Caricamento di un allegato',
  'attachments.read': 'Apertura di un allegato',
  'privacy.accessReport': 'Consultazione di chi ha avuto accesso ai dati',
  'privacy.emergencies': 'Consultazione degli accessi in emergenza',
  'privacy.markEmergencySeen': 'Accesso in emergenza segnato come visto',
  'setup.status': 'Verifica della configurazione',
  'auth.current': 'Verifica della sessione',
  'auth.ping': 'Sessione ancora attiva',
  'auth.revoked': 'Chiusura della sessione per account modificato',
  'users.directory': 'Elenco dei colleghi',
  'cases.summary': 'Consultazione del riepilogo della cartella',
  'dueItems.list': 'Consultazione delle scadenze',
  'places.search': 'Ricerca di un comune o di uno stato',
  'places.get': 'Consultazione di un comune o di uno stato',
  'agenda.list': 'Consultazione dell’agenda',
  'agenda.get': 'Consultazione di un appuntamento',
  'agenda.check': 'Verifica di un appuntamento prima del salvataggio',
  'agenda.save': 'Salvataggio di un appuntamento',
  'agenda.create': 'Nuovo appuntamento',
  'agenda.update': 'Modifica di un appuntamento',
  'agenda.operators': 'Cambio degli operatori di un appuntamento',
  'agenda.setStatus': 'Cambio di stato di un appuntamento',
  'agenda.forCase': 'Consultazione degli appuntamenti della cartella',
  'agenda.print': 'Stampa dell’agenda del giorno',
  'agenda.staff': 'Elenco degli operatori dell’agenda',
  'agenda.settings': 'Consultazione degli orari e dei patroni',
  'agenda.saveHours': 'Modifica degli orari di una sede',
  'agenda.savePatron': 'Modifica del patrono di un comune',
  'notices.mine': 'Consultazione delle modifiche al proprio account',
  'notices.markSeen': 'Presa visione delle modifiche al proprio account',
  'notices.seen': 'Presa visione delle modifiche al proprio account',
  'notices.review': 'Consultazione degli atti amministrativi da rivedere',
  'notices.markReviewed': 'Revisione di un atto amministrativo',
  'notices.reviewed': 'Revisione di un atto amministrativo',
  'notices.decide': 'Decisione su un atto in attesa di conferma',
  'notices.pending': 'Atto amministrativo in attesa di un secondo amministratore',
  'notices.record': 'Atto amministrativo su un account',
  'notices.confirmed': 'Conferma di un atto da parte di un secondo amministratore',
  'notices.refused': 'Rifiuto di un atto da parte di un secondo amministratore',
  'seed.import': 'Caricamento dati dimostrativi',
};

/** What an audit row is about (subjectType), in the office's words. */
const SUBJECT_NAMES: Record<string, string> = {
  accesso_emergenza: 'Accesso in emergenza',
  agenda: 'Agenda',
  appuntamento: 'Appuntamento',
  cartella: 'Cartella',
  comune: 'Comune',
  dati_dimostrativi: 'Dati dimostrativi',
  persona: 'Persona',
  registro: 'Registro accessi',
  ricerca: 'Ricerca',
  sede: 'Sede',
  stanza: 'Stanza',
  utente: 'Utente',
  utenti: 'Utenti',
  zona: 'Zona',
};

export function subjectTypeLabel(type: string): string {
  return SUBJECT_NAMES[type] ?? type;
}

/** Every code with its label, for the test that no recorded action is left in code form. */
export const LABELLED_ACTIONS: ReadonlySet<string> = new Set(Object.keys(ACTION_NAMES));
export const LABELLED_SUBJECTS: ReadonlySet<string> = new Set(Object.keys(SUBJECT_NAMES));

export function actionLabel(code: string): string {
  return ACTION_NAMES[code] ?? code;
}

export function profileLabel(profile: string | null): string {
  if (!profile) return '—';
  return (PROFILES as readonly string[]).includes(profile) ? PROFILE_LABELS[profile as Profile] : profile;
}
