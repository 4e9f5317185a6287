import type { RecipientKind, SubjectKind, TemplateName } from '../../../../../shared/domain/letters';

export interface FreePartDef {
  nome: string;
  label: string;
  predefinito: string;
  multilinea: boolean;
  /** Printing waits while a required part is empty; an optional one simply prints nothing. */
  obbligatorio: boolean;
}

/** A template as the program ships it: its words and what it is for. Its source is Liquid HTML (the body only). */
export interface BuiltinTemplate {
  name: TemplateName;
  titolo: string;
  descrizione: string;
  destinatario: RecipientKind;
  soggetti: readonly SubjectKind[];
  /** A letter sent by post, with the address in the envelope window; forms handed at the desk have none. */
  finestra: boolean;
  /** Relazione sociale: psicologi and assistenti sociali of the case only. */
  riservato: boolean;
  parti: readonly FreePartDef[];
  sorgente: string;
}

/** The signature of whoever prints, never split across pages. */
export const FIRMA_OPERATORE = `<div class="firma"><div></div><div>{{ operatore.profilo }}<div class="linea"></div>{{ operatore.nome }}</div></div>`;
