import { Drop, Liquid, Tag, type TagToken, type TopLevelToken } from 'liquidjs';
import { formatItalianDate, formatItalianDateWords, formatLongItalianDate, isValidIsoDate } from '../../../../shared/domain/dates';

/**
 * The one template engine: LiquidJS, an interpreter (no `Function`, which the CSP forbids and
 * which is unsafe for text an administrator edits), with strict variables and filters and every
 * output HTML-escaped, so a name like `<script>` or `{{x}}` prints as text. Templates read no
 * file (`templates: {}`; include, render and layout are refused) and run within time and memory
 * limits.
 */

/** A field that is empty for the chosen record: falsy in `{% if %}`, reported when printed. */
export class Missing extends Drop {
  constructor(
    readonly campo: string,
    readonly label: string,
    readonly motivo: string,
  ) {
    super();
  }

  override valueOf(): null {
    return null;
  }
}

export interface MissingData {
  campo: string;
  label: string;
  motivo: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

/** Text of a printed value: strings and numbers as they are; an object (a list item, a group) prints nothing rather than «[object Object]». */
function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}

/** Filled in while one template renders (rendering is synchronous: no other render interleaves). */
let collecting: Map<string, MissingData> | null = null;

function escapeOutput(value: unknown): string {
  if (value instanceof Missing) {
    collecting?.set(value.campo, { campo: value.campo, label: value.label, motivo: value.motivo });
    return `<span class="manca">[manca: ${escapeHtml(value.label)}]</span>`;
  }
  if (value === null || value === undefined) return '';
  if (Array.isArray(value)) return escapeHtml(value.map(asText).join(', '));
  return escapeHtml(asText(value));
}

class RefusedTag extends Tag {
  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    throw new Error(`il comando «${token.name}» non è ammesso nei modelli`);
  }
  *render(): Generator<unknown, void, unknown> {
    // never reached: the constructor refuses the tag at parse time
  }
}

/** A filter on text values; a missing field passes through untouched, to be reported when printed. */
function onText(fn: (s: string) => string) {
  return (value: unknown): unknown => (value instanceof Missing || value === null || value === undefined ? value : fn(asText(value)));
}

const onDate = (fn: (iso: string) => string) => onText((s) => (isValidIsoDate(s) ? fn(s) : s));

/** "09:30" → "9:30". */
function shortTime(s: string): string {
  const m = /^(\d{2}):(\d{2})$/.exec(s);
  return m ? `${Number(m[1])}:${m[2]}` : s;
}

export const FILTER_NAMES = ['data', 'data_estesa', 'data_parole', 'ora', 'ora_breve', 'maiuscolo', 'minuscolo', 'iniziale_maiuscola'] as const;

function createEngine(): Liquid {
  const liquid = new Liquid({
    strictVariables: true,
    strictFilters: true,
    ownPropertyOnly: true,
    outputEscape: escapeOutput,
    templates: {},
    cache: false,
    parseLimit: 200_000,
    renderLimit: 2_000,
    memoryLimit: 20_000_000,
  });
  liquid.registerFilter('data', onDate(formatItalianDate));
  liquid.registerFilter('data_estesa', onDate(formatLongItalianDate));
  liquid.registerFilter('data_parole', onDate(formatItalianDateWords));
  liquid.registerFilter(
    'ora',
    onText((s) => `ore ${shortTime(s)}`),
  );
  liquid.registerFilter('ora_breve', onText(shortTime));
  liquid.registerFilter(
    'maiuscolo',
    onText((s) => s.toLocaleUpperCase('it-IT')),
  );
  liquid.registerFilter(
    'minuscolo',
    onText((s) => s.toLocaleLowerCase('it-IT')),
  );
  liquid.registerFilter(
    'iniziale_maiuscola',
    onText((s) => s.charAt(0).toLocaleUpperCase('it-IT') + s.slice(1)),
  );
  // `raw` would skip the escaping: here it is a plain identity, so its output is escaped too.
  liquid.registerFilter('raw', (value: unknown) => value);
  for (const name of ['include', 'render', 'layout', 'block']) liquid.registerTag(name, RefusedTag);
  return liquid;
}

const engine = createEngine();

export interface Rendered {
  html: string;
  mancanti: MissingData[];
}

/** Parse errors in the office's words: the line, and what is wrong. */
export function templateError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const line = /line:(\d+)/.exec(raw)?.[1];
  const where = line ? ` (riga ${line})` : '';
  const undefinedVar = /undefined variable: ([\w.[\]]+)/.exec(raw);
  if (undefinedVar) return `Campo sconosciuto «${undefinedVar[1]}»${where}.`;
  const undefinedFilter = /undefined filter: (\w+)/.exec(raw);
  if (undefinedFilter) return `Filtro sconosciuto «${undefinedFilter[1]}»${where}: usa ${FILTER_NAMES.join(', ')}.`;
  const refused = /il comando «\w+» non è ammesso nei modelli/.exec(raw);
  if (refused) return `${refused[0].charAt(0).toUpperCase()}${refused[0].slice(1)}${where}.`;
  if (/limit exceeded/i.test(raw)) return `Il modello è troppo pesante da comporre (cicli troppo lunghi)${where}.`;
  return `Il modello non è scritto correttamente${where}: controlla le parentesi {{ }} e {% %}.`;
}

/** Compile once, for validation: throws the engine's error. */
export function parseTemplate(source: string): void {
  engine.parse(source);
}

/** The global variables a template reads, as dotted paths (`persona.cognome`); loop variables excluded. */
export function templateVariables(source: string): string[][] {
  return engine.globalVariableSegmentsSync(source).map((segments) => segments.map((s) => String(s)));
}

/** Render with the given scope; every empty field printed is listed (once), in order of appearance. */
export function renderTemplate(source: string, scope: Record<string, unknown>): Rendered {
  const found = new Map<string, MissingData>();
  collecting = found;
  try {
    const html = String(engine.parseAndRenderSync(source, scope));
    return { html, mancanti: [...found.values()] };
  } finally {
    collecting = null;
  }
}
