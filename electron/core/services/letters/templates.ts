import { createHash } from 'node:crypto';
import { FREE_PART_RE, type TemplateName } from '../../../../shared/domain/letters';
import type { Store } from '../../store';
import { BUILTIN_TEMPLATES, type BuiltinTemplate } from './builtin';
import { parseTemplate, renderTemplate, templateError, templateVariables } from './engine';
import { FIELD_BY_KEY, LIST_ITEM_KEYS } from './fields';
import { SampleScope } from './scope';

/** A template as it prints now: the built-in definition with the current version's title and source. */
export interface CurrentTemplate {
  def: BuiltinTemplate;
  titolo: string;
  sorgente: string;
  versione: string;
  personalizzato: boolean;
}

/** A version's id: the SHA-256 of its title and source, so the same text is the same version everywhere. */
export function versionHash(titolo: string, sorgente: string): string {
  return createHash('sha256')
    .update(JSON.stringify([titolo, sorgente]))
    .digest('hex');
}

export function builtinOf(name: TemplateName): BuiltinTemplate {
  return BUILTIN_TEMPLATES[name];
}

export function currentTemplate(store: Store, name: TemplateName, heads: ReadonlyMap<string, string> = store.documents.heads()): CurrentTemplate {
  const def = builtinOf(name);
  const head = heads.get(name);
  const version = head ? store.documents.version(head) : null;
  if (version) return { def, titolo: version.titolo, sorgente: version.sorgente, versione: version.id, personalizzato: version.originale === 0 };
  return { def, titolo: def.titolo, sorgente: def.sorgente, versione: versionHash(def.titolo, def.sorgente), personalizzato: false };
}

/** The catalogue's fields a source reads (`persona.cognome`, …), once each, in order. */
export function fieldsUsed(sorgente: string): string[] {
  const out = new Set<string>();
  for (const segments of templateVariables(sorgente)) {
    if (segments[0] === 'libero') continue;
    out.add(segments.slice(0, 2).join('.'));
  }
  return [...out];
}

const ACTIVE_TAG = /<\s*(script|iframe|frame|object|embed|link|meta|base|form|input|button|svg|math)\b/i;
const HANDLER = /\son[a-z]+\s*=/i;
const EXTERNAL = /(?:\b(?:src|href|action|srcset)\s*=\s*["']?\s*(?!data:|#)[a-z]+:|url\(\s*["']?\s*(?!data:)[a-z]+:|@import)/i;

/**
 * A letter is text and layout: no script, no embedded page, nothing fetched from elsewhere. The
 * printer refuses all of that anyway (no JavaScript, no network); the editor says so first.
 */
function activeContent(sorgente: string): string | null {
  const tag = ACTIVE_TAG.exec(sorgente);
  if (tag) return `Il modello non può contenere il marcatore «<${tag[1]?.toLowerCase() ?? ''}>»: una lettera è solo testo e impaginazione.`;
  if (HANDLER.test(sorgente)) return 'Il modello non può contenere comandi che si eseguono (attributi «on…»).';
  if (EXTERNAL.test(sorgente)) return 'Il modello non può caricare immagini, caratteri o pagine da altri indirizzi: tutto ciò che stampa deve stare nel modello.';
  return null;
}

/**
 * Everything wrong with a source, in the office's words; empty when it can be saved. Unknown
 * fields and filters, free parts the template does not have, a sensitive field in a letter
 * addressed outside the office (with the reason), and what a trial render with sample data finds.
 */
export function sourceProblems(def: BuiltinTemplate, sorgente: string): string[] {
  const active = activeContent(sorgente);
  if (active) return [active];
  try {
    parseTemplate(sorgente);
  } catch (error) {
    return [templateError(error)];
  }
  const problems: string[] = [];
  const parts = new Set(def.parti.map((p) => p.nome));
  for (const segments of templateVariables(sorgente)) {
    const [group, key, ...rest] = segments;
    const name = segments.join('.');
    if (group === 'libero') {
      if (!key || !FREE_PART_RE.test(key) || !parts.has(key) || rest.length > 0) {
        problems.push(
          `Parte di testo sconosciuta «${name}»: questo modello ha ${def.parti.length ? def.parti.map((p) => `libero.${p.nome}`).join(', ') : 'nessuna parte di testo libero'}.`,
        );
      }
      continue;
    }
    const campo = `${group}.${key ?? ''}`;
    const field = FIELD_BY_KEY.get(campo);
    if (!field || (rest.length > 0 && !(field.tipo === 'elenco' && ['size', 'first', 'last'].includes(rest[0] ?? '')))) {
      problems.push(`Campo sconosciuto «${name}»: scegli i campi dall’elenco (es. persona.cognome).`);
      continue;
    }
    if (field.sensibile && def.destinatario === 'esterno') {
      problems.push(
        `Il campo «${campo}» (${field.label}) è un dato sensibile e non può comparire in un documento indirizzato fuori dall’ufficio (${def.titolo}): toglilo dal modello.`,
      );
    }
  }
  if (problems.length > 0) return [...new Set(problems)];
  try {
    const libero = Object.fromEntries(def.parti.map((p) => [p.nome, p.predefinito || `(${p.label})`]));
    renderTemplate(sorgente, new SampleScope().build(libero));
  } catch (error) {
    const message = templateError(error);
    const item = /Campo sconosciuto «(\w+)\.(\w+)»/.exec(message);
    problems.push(
      item
        ? `${message} Negli elenchi si usano: ${Object.entries(LIST_ITEM_KEYS)
            .flatMap(([group, lists]) => Object.entries(lists).map(([k, v]) => `${group}.${k} (${v.join(', ')})`))
            .join('; ')}.`
        : message,
    );
  }
  return problems;
}
