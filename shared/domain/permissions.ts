/**
 * Who may do what. Default deny: an action not listed for a profile is refused, and the
 * router audits the refusal. Pure data and functions, so the matrix is tested exhaustively.
 */
export const PROFILES = ['assistente_sociale', 'educatore', 'psicologo', 'amministrativo', 'mediatore_sal', 'coordinatore', 'amministratore'] as const;

export type Profile = (typeof PROFILES)[number];

export const PROFILE_LABELS: Record<Profile, string> = {
  assistente_sociale: 'Assistente sociale',
  educatore: 'Educatore professionale',
  psicologo: 'Psicologo',
  amministrativo: 'Istruttore amministrativo',
  mediatore_sal: 'Mediatore del lavoro (SAL)',
  coordinatore: 'Coordinatore',
  amministratore: 'Amministratore',
};

export const ACTIONS = [
  // anagrafica and case files
  'persona.read',
  'persona.write',
  'case.summary',
  'case.read',
  'case.open_close',
  'diary.read',
  'diary.write',
  'diary.reserved',
  'pai.write',
  'relazione.write',
  'attachment.read',
  'attachment.write',
  'case.emergency_access',
  // agenda and letters
  'agenda.read',
  'agenda.write',
  /** Change any appointment, not only one's own or those of people one follows (the desk, coordination). */
  'agenda.manage',
  'letters.print',
  'protocol.write',
  // SAL
  'sal.read',
  'sal.write',
  // administration
  'users.manage',
  'zone.manage',
  'templates.manage',
  'reports.view',
  'audit.view',
  // case files again: (re)assigning operators, transfers
  'case.assign',
  /** Backups of the workstation and restoring one: the administrator's alone. */
  'backup.manage',
  /** Sync between workstations: folder, first node, pairing and revoking (status and "Sincronizza ora" are every session's). */
  'sync.manage',
  /** The SIUSS flow to INPS: every erogazione of the zone with the beneficiario's codice fiscale. */
  'siuss.export',
  /** GDPR art. 15 export of a person's whole file and art. 18 restriction: the coordinator's (the data controller's delegate). */
  'rights.manage',
  /** The authorised scarto of case files past their retention: it exports their contents first. */
  'records.scarto',
  /** The exact figure behind a hidden small count, on screen only: the coordinator's alone. */
  'reports.exact',
] as const;

export type Action = (typeof ACTIONS)[number];

const CASE_WORK: Action[] = ['persona.read', 'persona.write', 'case.summary', 'case.read', 'agenda.read', 'agenda.write'];

const ADMINISTRATION: Action[] = ['users.manage', 'zone.manage', 'templates.manage', 'reports.view', 'audit.view'];

/** Refusals of these actions are administrative events (admin log); all others concern personal data. */
export const ADMIN_ACTIONS: ReadonlySet<Action> = new Set<Action>([...ADMINISTRATION, 'backup.manage', 'sync.manage', 'records.scarto']);

/** Profiles that manage the operators of any case (assign, transfer) without working on it. */
export const MANAGES_ALL_CASES: readonly Profile[] = ['coordinatore'];

/** Who may hold a case as responsabile unless the zone says otherwise (Impostazioni → Zona). */
export const DEFAULT_RESPONSABILI: readonly Profile[] = ['assistente_sociale'];

/** Whether a profile can be put on a case at all, and as responsabile under the zone's rule. */
export function canHoldCase(profile: Profile, ruolo: 'responsabile' | 'co_operatore', responsabili: readonly Profile[]): boolean {
  if (!PERMISSION_MATRIX[profile].has('case.read')) return false;
  return ruolo === 'co_operatore' || responsabili.includes(profile);
}

/** Rights per profile (ARCHITECTURE.md, "Profiles"). */
export const PERMISSION_MATRIX: Record<Profile, ReadonlySet<Action>> = {
  assistente_sociale: new Set<Action>([
    ...CASE_WORK,
    'case.open_close',
    'diary.read',
    'diary.write',
    'pai.write',
    'relazione.write',
    'attachment.read',
    'attachment.write',
    'case.emergency_access',
    'letters.print',
    'sal.read',
    'case.assign',
  ]),
  educatore: new Set<Action>([...CASE_WORK, 'diary.read', 'diary.write', 'attachment.read', 'case.emergency_access']),
  // letters.print: the psicologo prints the relazione sociale of his own cases (the template's own rule).
  psicologo: new Set<Action>([
    ...CASE_WORK,
    'diary.read',
    'diary.write',
    'diary.reserved',
    'relazione.write',
    'attachment.read',
    'attachment.write',
    'case.emergency_access',
    'letters.print',
  ]),
  amministrativo: new Set<Action>([
    'persona.read',
    'persona.write',
    'case.summary',
    'agenda.read',
    'agenda.write',
    'agenda.manage',
    'letters.print',
    'protocol.write',
    'siuss.export',
  ]),
  mediatore_sal: new Set<Action>(['persona.read', 'case.summary', 'agenda.read', 'agenda.write', 'sal.read', 'sal.write', 'letters.print']),
  coordinatore: new Set<Action>([
    ...ADMINISTRATION,
    'persona.read',
    'case.summary',
    'agenda.read',
    'sal.read',
    'case.assign',
    'siuss.export',
    'rights.manage',
    'records.scarto',
    'reports.exact',
  ]),
  amministratore: new Set<Action>([...ADMINISTRATION, 'backup.manage', 'sync.manage']),
};

export function can(profile: Profile, action: Action): boolean {
  return PERMISSION_MATRIX[profile].has(action);
}

export const ACTION_LABELS: Record<Action, string> = {
  'persona.read': 'consultare l’anagrafica',
  'persona.write': 'modificare l’anagrafica',
  'case.summary': 'vedere il riepilogo delle cartelle',
  'case.read': 'aprire le cartelle sociali',
  'case.open_close': 'aprire e chiudere cartelle',
  'diary.read': 'leggere il diario',
  'diary.write': 'scrivere nel diario',
  'diary.reserved': 'leggere e scrivere note riservate',
  'pai.write': 'redigere il PAI',
  'relazione.write': 'redigere relazioni',
  'attachment.read': 'aprire gli allegati',
  'attachment.write': 'caricare allegati',
  'case.emergency_access': 'usare l’accesso in emergenza',
  'agenda.read': 'consultare l’agenda',
  'agenda.write': 'modificare l’agenda',
  'agenda.manage': 'modificare gli appuntamenti dei colleghi',
  'letters.print': 'stampare lettere e moduli',
  'protocol.write': 'registrare i dati di protocollo',
  'sal.read': 'consultare il registro SAL',
  'sal.write': 'modificare il registro SAL',
  'users.manage': 'gestire gli utenti',
  'zone.manage': 'modificare le impostazioni della zona',
  'templates.manage': 'modificare i modelli di lettera',
  'reports.view': 'consultare i report',
  'audit.view': 'consultare il registro degli accessi',
  'case.assign': 'assegnare e trasferire le cartelle',
  'backup.manage': 'fare e ripristinare i backup',
  'sync.manage': 'configurare la sincronizzazione e abbinare le postazioni',
  'siuss.export': 'preparare ed esportare il flusso SIUSS',
  'rights.manage': 'esercitare i diritti degli interessati (accesso ai dati, limitazione)',
  'records.scarto': 'eseguire lo scarto autorizzato delle cartelle',
  'reports.exact': 'vedere i conteggi esatti nascosti nei report',
};

/**
 * Whose anagrafica a profile may find and read: everyone in the zone (the desk, the social
 * workers, SAL, coordination) or only the people of the case files the user is assigned to.
 */
export type PersonScope = 'all' | 'assigned' | 'none';
export const PERSON_SCOPE: Record<Profile, PersonScope> = {
  assistente_sociale: 'all',
  educatore: 'assigned',
  psicologo: 'assigned',
  amministrativo: 'all',
  mediatore_sal: 'all',
  coordinatore: 'all',
  amministratore: 'none',
};

export function forbiddenMessage(profile: Profile, action: Action): string {
  return `Il profilo «${PROFILE_LABELS[profile]}» non consente di ${ACTION_LABELS[action]}. Il tentativo è stato registrato nel registro degli accessi.`;
}
