import type { TemplateName } from '../../../../../shared/domain/letters';
import { CHIUSURA, CONVOCAZIONE, DOMANDA_ACCESSO, PRESA_IN_CARICO } from './letters';
import { CONSENSO_AZIENDA, INFORMATIVA_PRIVACY, PAI, RELAZIONE_SOCIALE } from './privacy';
import { ATTESTAZIONE_FINALE, CONVENZIONE_TIROCINIO, PROGETTO_FORMATIVO, REGISTRO_PRESENZE } from './sal';
import type { BuiltinTemplate } from './types';

export type { BuiltinTemplate } from './types';

/** The templates the program ships, in the order the office uses them. */
export const BUILTIN_TEMPLATES: Record<TemplateName, BuiltinTemplate> = {
  convocazione: CONVOCAZIONE,
  informativa_privacy: INFORMATIVA_PRIVACY,
  consenso_azienda: CONSENSO_AZIENDA,
  presa_in_carico: PRESA_IN_CARICO,
  chiusura: CHIUSURA,
  domanda_accesso: DOMANDA_ACCESSO,
  relazione_sociale: RELAZIONE_SOCIALE,
  pai: PAI,
  convenzione_tirocinio: CONVENZIONE_TIROCINIO,
  progetto_formativo: PROGETTO_FORMATIVO,
  registro_presenze: REGISTRO_PRESENZE,
  attestazione_finale: ATTESTAZIONE_FINALE,
};
