import { formatItalianDate, formatLongItalianDate } from '../../../../shared/domain/dates';
import { AppError } from '../../../../shared/domain/errors';
import { DEFAULT_WINDOW_PRESET, SUBJECT_LABELS, WINDOW_PRESET_CODES, type WindowPreset } from '../../../../shared/domain/letters';
import type { Store } from '../../store';
import { Missing, renderTemplate, type MissingData } from './engine';
import { FIELD_BY_KEY } from './fields';
import type { LetterPage, RecipientBlock } from './layout';
import { PROTOCOL_PLACEHOLDER, placeAndDate, type LetterData } from './record-data';
import type { LetterScope } from './scope';
import { fieldsUsed, type CurrentTemplate } from './templates';

export interface ComposeOptions {
  parti: Record<string, string>;
  destinatario?: RecipientBlock | undefined;
  /** A reprint: the protocol data recorded on the original and the reprint's line. */
  protocollo?: { numero: string; data: string } | null;
  ristampa?: string | null;
}

export interface Composed {
  page: LetterPage;
  mancanti: MissingData[];
  destinatario: RecipientBlock | null;
  /** The free parts as printed (defaults applied), stored with the document. */
  parti: Record<string, string>;
}

/** The free parts with the template's defaults; a required part left empty is missing, an unknown one refused. */
function freeParts(template: CurrentTemplate, given: Record<string, string>): { values: Record<string, unknown>; printed: Record<string, string> } {
  const known = new Map(template.def.parti.map((p) => [p.nome, p]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) throw new AppError('VALIDATION', `Parte di testo sconosciuta per questo modello: «${name}».`, 'parti');
  }
  const values: Record<string, unknown> = {};
  const printed: Record<string, string> = {};
  for (const part of template.def.parti) {
    const text = (given[part.nome] ?? part.predefinito).trim();
    printed[part.nome] = text;
    values[part.nome] = text === '' ? (part.obbligatorio ? new Missing(`libero.${part.nome}`, part.label, 'testo da scrivere prima di stampare') : '') : text;
  }
  return { values, printed };
}

/** Check that the template is printed from a record it is made for. */
export function checkSubject(template: CurrentTemplate, data: Pick<LetterData, 'kind'>): void {
  if (!template.def.soggetti.includes(data.kind)) {
    const from = template.def.soggetti.map((k) => SUBJECT_LABELS[k].toLowerCase()).join(', ');
    throw new AppError('VALIDATION', `«${template.titolo}» si stampa da: ${from}.`);
  }
}

/** Render one letter: the body, what is missing, and the frame (window address, place and date, protocol). */
export function compose(template: CurrentTemplate, data: { scope: LetterScope; recipient: RecipientBlock | null }, options: ComposeOptions): Composed {
  const { values, printed } = freeParts(template, options.parti);
  if (options.protocollo) {
    data.scope.override('documento', 'protocollo', `n. ${options.protocollo.numero} del ${formatItalianDate(options.protocollo.data)}`);
  }
  const scope = data.scope.build(values);
  const rendered = renderTemplate(template.sorgente, scope);
  const mancanti = new Map(rendered.mancanti.map((m) => [m.campo, m]));
  // A list left empty (no PAI objectives, …) prints no row: it is reported all the same.
  for (const campo of fieldsUsed(template.sorgente)) {
    if (FIELD_BY_KEY.get(campo)?.tipo !== 'elenco') continue;
    const [group, key] = campo.split('.') as [string, string];
    const value = (scope[group] as Record<string, unknown>)[key];
    if (value instanceof Missing) mancanti.set(campo, { campo, label: value.label, motivo: value.motivo });
  }
  let destinatario: RecipientBlock | null = null;
  if (template.def.finestra) {
    destinatario = options.destinatario ?? data.recipient;
    if (!destinatario) {
      mancanti.set('destinatario', { campo: 'destinatario', label: 'Indirizzo del destinatario', motivo: 'la persona non ha un indirizzo di residenza o di domicilio' });
    }
  }
  const protocollo = options.protocollo ? `Prot. n. ${options.protocollo.numero} del ${formatItalianDate(options.protocollo.data)}` : `Prot. ${PROTOCOL_PLACEHOLDER}`;
  return {
    page: {
      body: rendered.html,
      destinatario: template.def.finestra ? (destinatario ?? { nome: '[manca: indirizzo del destinatario]', righe: [] }) : null,
      luogoData: placeAndDate(scope, formatLongItalianDate),
      protocollo,
      ristampa: options.ristampa ?? null,
    },
    mancanti: [...mancanti.values()],
    destinatario,
    parti: printed,
  };
}

export function windowPreset(store: Store): WindowPreset {
  const value = store.documents.windowPreset();
  return (WINDOW_PRESET_CODES as readonly string[]).includes(value) ? (value as WindowPreset) : DEFAULT_WINDOW_PRESET;
}

/** «Mancano: Indirizzo di residenza (il dato non è compilato); …» */
export function missingMessage(mancanti: readonly MissingData[]): string {
  return `Il documento non si può stampare finché mancano questi dati: ${mancanti.map((m) => `${m.label} (${m.motivo})`).join('; ')}. Compilali nella scheda o togli il campo dal testo.`;
}
