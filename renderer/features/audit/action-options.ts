import { LABELLED_ACTIONS, actionLabel } from '../../i18n/action-labels';

/** Whole areas of the log: each matches every action under it (`cases` → `cases.get`, `cases.open`…). */
export const AREA_OPTIONS: readonly { value: string; label: string }[] = [
  { value: 'persons', label: 'Anagrafica' },
  { value: 'cases', label: 'Cartelle' },
  { value: 'diary', label: 'Diario' },
  { value: 'attachments', label: 'Allegati' },
  { value: 'agenda', label: 'Agenda' },
  { value: 'letters', label: 'Lettere' },
  { value: 'documents', label: 'Documenti' },
  { value: 'privacy', label: 'Privacy e accessi in emergenza' },
  { value: 'auth', label: 'Accessi e sessioni' },
  { value: 'users', label: 'Utenti' },
  { value: 'zone', label: 'Impostazioni della zona' },
  { value: 'audit', label: 'Registro accessi' },
  { value: 'backup', label: 'Backup' },
  { value: 'records', label: 'Registro dei trattamenti' },
  { value: 'retention', label: 'Conservazione e scarto' },
];

/** Every single action with its Italian label, alphabetical by label. */
export const ACTION_OPTIONS: readonly { value: string; label: string }[] = [...LABELLED_ACTIONS]
  .map((value) => ({ value, label: actionLabel(value) }))
  .sort((a, b) => a.label.localeCompare(b.label, 'it'));
