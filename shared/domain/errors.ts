/**
 * Every error that reaches the renderer is one of these codes with an Italian message the
 * user can act on. Never a stack trace, never a raw SQLite message.
 */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'NOT_AUTHENTICATED',
  'SESSION_LOCKED',
  'WRONG_CREDENTIALS',
  'TOO_MANY_ATTEMPTS',
  'TOO_MANY_REQUESTS',
  'USER_DISABLED',
  'PASSWORD_CHANGE_REQUIRED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'KEYFILE_MISSING',
  'KEYFILE_CORRUPT',
  'DATABASE_CORRUPT',
  'DATABASE_TOO_NEW',
  'READ_ONLY',
  'DISK_FULL',
  'WRONG_RECOVERY_KEY',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorData {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Every invalid field with its message (VALIDATION): forms show them all at once. */
  issues?: { field: string; message: string }[];
}

/** Default Italian messages; a thrower may give a more specific one. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: 'Alcuni dati non sono validi: controlla i campi evidenziati.',
  NOT_SET_UP: 'Il programma non è ancora configurato: completa la configurazione iniziale.',
  ALREADY_SET_UP: 'Il programma è già configurato su questa postazione.',
  NOT_AUTHENTICATED: 'Sessione scaduta o assente: accedi di nuovo.',
  SESSION_LOCKED: 'La sessione è bloccata per inattività: inserisci la password per continuare.',
  WRONG_CREDENTIALS: 'Nome utente o password non corretti.',
  TOO_MANY_ATTEMPTS: 'Troppi tentativi non riusciti: attendi prima di riprovare.',
  USER_DISABLED: "Questo utente è disattivato: rivolgiti all'amministratore.",
  PASSWORD_CHANGE_REQUIRED: 'Devi scegliere una nuova password prima di continuare.',
  FORBIDDEN: 'Il tuo profilo non consente questa operazione. Il tentativo è stato registrato.',
  NOT_FOUND: 'Elemento non trovato: potrebbe essere stato modificato da un collega.',
  CONFLICT: 'Esiste già un elemento con questi dati.',
  UNKNOWN_CHANNEL: 'Operazione sconosciuta.',
  KEYFILE_MISSING:
    'Il file delle chiavi (chiavi.json) non si trova nella cartella dei dati. Ripristinalo dalla copia di sicurezza: senza di esso i dati non si possono aprire. Nessun dato è stato cancellato.',
  KEYFILE_CORRUPT: 'Il file delle chiavi (chiavi.json) è danneggiato. Ripristinalo dalla copia di sicurezza; nessun dato è stato cancellato.',
  DATABASE_CORRUPT: "L'archivio cifrato non si apre con questa chiave o è danneggiato. Nessun dato è stato cancellato: rivolgiti all'assistenza informatica.",
  DATABASE_TOO_NEW: "L'archivio è stato creato da una versione più recente del programma. Aggiorna il programma: l'archivio non è stato modificato.",
  READ_ONLY: 'La cartella dei dati è in sola lettura: nessuna modifica è stata salvata. Controlla i permessi della cartella o del disco.',
  DISK_FULL: 'Il disco è pieno: la modifica non è stata salvata e i dati precedenti sono intatti. Libera spazio e riprova.',
  WRONG_RECOVERY_KEY: 'La chiave di recupero non è corretta. Controlla di averla trascritta per intero.',
  UNAVAILABLE: 'Una risorsa esterna (cartella condivisa, stampante, programma di sistema) non è raggiungibile: il lavoro su questa postazione continua.',
  TOO_MANY_REQUESTS: 'Troppe richieste contemporanee: attendi che le precedenti siano completate e riprova.',
  INTERNAL: "Si è verificato un errore imprevisto. L'operazione non è stata completata; riprova.",
};

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | undefined;

  readonly issues: { field: string; message: string }[] | undefined;

  constructor(code: ErrorCode, message?: string, field?: string, issues?: { field: string; message: string }[]) {
    super(message ?? DEFAULT_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
    this.issues = issues;
  }

  toData(): AppErrorData {
    return {
      code: this.code,
      message: this.message,
      ...(this.field === undefined ? {} : { field: this.field }),
      ...(this.issues === undefined ? {} : { issues: this.issues }),
    };
  }
}

export function isAppErrorData(value: unknown): value is AppErrorData {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && (ERROR_CODES as readonly string[]).includes(v.code) && typeof v.message === 'string';
}
