/**
 * Words of letters and documents: the built-in templates, what a letter is printed for, who
 * receives it, a filed document's states, the envelope window presets and the protocol rule.
 * Codes are stable (they are stored); labels are Italian.
 */

/** What a letter is printed from: the record whose data fills it. */
export const SUBJECT_KINDS = ['persona', 'cartella', 'appuntamento', 'tirocinio'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const SUBJECT_LABELS: Record<SubjectKind, string> = {
  persona: 'Persona',
  cartella: 'Cartella sociale',
  appuntamento: 'Appuntamento',
  tirocinio: 'Tirocinio',
};

/**
 * `interno`: to the person the office serves (the file's own data may appear);
 * `esterno`: to a host company, a school, another body (sensitive fields are refused).
 */
export const RECIPIENT_KINDS = ['interno', 'esterno'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export const TEMPLATE_NAMES = [
  'convocazione',
  'informativa_privacy',
  'consenso_azienda',
  'presa_in_carico',
  'chiusura',
  'domanda_accesso',
  'relazione_sociale',
  'pai',
  'convenzione_tirocinio',
  'progetto_formativo',
  'registro_presenze',
  'attestazione_finale',
] as const;
export type TemplateName = (typeof TEMPLATE_NAMES)[number];

export const DOCUMENT_STATI = ['bozza', 'firmato', 'inviato'] as const;
export type DocumentStato = (typeof DOCUMENT_STATI)[number];

export const DOCUMENT_STATO_LABELS: Record<DocumentStato, string> = {
  bozza: 'Bozza',
  firmato: 'Firmato',
  inviato: 'Inviato',
};

/** Envelope window presets (Impostazioni → Documenti); sizes in millimetres from the page's top-left. */
export const WINDOW_PRESETS = {
  destra_it: { label: 'Finestra a destra (busta commerciale italiana)', top: 45, left: 110, width: 85, height: 40 },
  din5008b: { label: 'DIN 5008 forma B (finestra a sinistra)', top: 45, left: 20, width: 85, height: 40 },
} as const;
export type WindowPreset = keyof typeof WINDOW_PRESETS;
export const WINDOW_PRESET_CODES = Object.keys(WINDOW_PRESETS) as WindowPreset[];
export const DEFAULT_WINDOW_PRESET: WindowPreset = 'destra_it';

/** The Italian rule for window envelopes: the address at least 40 mm from the top and 15 mm from each side. */
export const WINDOW_RULE = { minTop: 40, minSide: 15, pageWidth: 210 } as const;

/** A protocol number as the Comune's register prints it: digits only, at least 7 (e.g. 0012345). */
export const PROTOCOLLO_RE = /^\d{7,12}$/;

/** Profiles that may print and read a relazione sociale, and only on cases assigned to them. */
export const RELAZIONE_PROFILES = ['assistente_sociale', 'psicologo'] as const;

/** A free-text part of a template (e.g. «cosa portare»): its name, `libero.<name>` in the template. */
export const FREE_PART_RE = /^[a-z][a-z_]{0,39}$/;
