import { SUBJECT_LABELS, type SubjectKind } from '../../../../shared/domain/letters';
import { Missing } from './engine';
import { FIELDS, GROUP_SOURCES } from './fields';

/** A group's values as read from the record: null or '' means empty for this record. */
export type GroupValues = Record<string, string | number | null | readonly Record<string, string>[]>;

/** What a letter's data gives the template: the scope, and one field replaced (a reprint's protocol). */
export interface LetterScope {
  build(libero: Record<string, unknown>): Record<string, unknown>;
  override(group: string, key: string, value: string): void;
}

/**
 * The template's scope: every field of the catalogue, always present (so strict variables catch
 * only names that do not exist), its value or a `Missing` that says why it is empty.
 */
export class ScopeBuilder implements LetterScope {
  private readonly groups = new Map<string, Record<string, unknown>>();

  constructor(private readonly subject: SubjectKind) {}

  /** The group's fields from the record; `motivo` says why an empty value is empty. */
  set(group: string, values: GroupValues, motivo = 'il dato non è compilato'): void {
    const out: Record<string, unknown> = {};
    for (const field of FIELDS) {
      if (field.gruppo !== group) continue;
      const key = field.campo.slice(group.length + 1);
      const value = values[key];
      const empty = value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
      out[key] = empty ? new Missing(field.campo, field.label, motivo) : value;
    }
    this.groups.set(group, out);
  }

  /** A group the record does not provide: each field says so. */
  unavailable(group: string, motivo?: string): void {
    const why =
      motivo ??
      (GROUP_SOURCES[group]?.includes(this.subject) ? 'il dato non è disponibile' : `non disponibile per una lettera stampata da: ${SUBJECT_LABELS[this.subject].toLowerCase()}`);
    this.set(group, {}, why);
  }

  /** One field's value, replacing what the record gave (a reprint's protocol data). */
  override(group: string, key: string, value: string): void {
    const values = this.groups.get(group);
    if (values) values[key] = value;
  }

  build(libero: Record<string, unknown>): Record<string, unknown> {
    const scope: Record<string, unknown> = { libero };
    for (const field of FIELDS) if (!this.groups.has(field.gruppo)) this.unavailable(field.gruppo);
    for (const [group, values] of this.groups) scope[group] = values;
    return scope;
  }
}

/** The catalogue's sample values, for the editor's preview and the save check. */
export class SampleScope implements LetterScope {
  private readonly overrides = new Map<string, string>();

  override(group: string, key: string, value: string): void {
    this.overrides.set(`${group}.${key}`, value);
  }

  build(libero: Record<string, unknown>): Record<string, unknown> {
    const scope: Record<string, unknown> = { libero };
    for (const field of FIELDS) {
      const [group, key] = field.campo.split('.') as [string, string];
      const values = (scope[group] ??= {}) as Record<string, unknown>;
      values[key] = this.overrides.get(field.campo) ?? (field.tipo === 'elenco' ? (SAMPLE_LISTS[group]?.[key] ?? []) : field.esempio === '' ? `(${field.label})` : field.esempio);
    }
    return scope;
  }
}

const SAMPLE_LISTS: Record<string, Record<string, readonly Record<string, string>[]>> = {
  pai: {
    obiettivi: [
      { termine: 'Breve termine', descrizione: 'Presentare la domanda di assegno di inclusione', esito: 'Raggiunto' },
      { termine: 'Medio termine', descrizione: 'Partecipare a un percorso di orientamento al lavoro', esito: 'In corso' },
    ],
  },
  tirocinio: {
    giorni: [
      { data: '2026-03-02', giorno: 'lunedì', ore: '4', assenza: '', festivo: '' },
      { data: '2026-03-03', giorno: 'martedì', ore: '4', assenza: '', festivo: '' },
    ],
  },
};
