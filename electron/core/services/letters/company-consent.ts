import type { CurrentTemplate } from './templates';
import { fieldsUsed } from './templates';
import type { WorkContext } from '../work-context';

/**
 * A document for the host company that names the tirocinante (progetto formativo, registro
 * presenze, attestazione) leaves the office with personal data: only with the beneficiario's
 * recorded, not revoked consent to share them with the company. The convenzione names no one.
 * Sensitive fields (invalidità, diagnosis) never reach such a template: the editor refuses them.
 */
export function companyConsentRefusal(ctx: WorkContext, template: CurrentTemplate, tirocinioId: string | undefined): string | null {
  if (template.def.destinatario !== 'esterno' || !tirocinioId) return null;
  if (!fieldsUsed(template.sorgente).some((f) => f.startsWith('persona.'))) return null;
  const tirocinio = ctx.store.sal.tirocinio(tirocinioId);
  if (!tirocinio) return null;
  const consent = ctx.store.sal.consensi(tirocinio.beneficiario_id).some((c) => c.ambito === 'condivisione_azienda' && c.revocato_il === null);
  if (consent) return null;
  return 'Manca il consenso del beneficiario a comunicare i suoi dati all’azienda ospitante: registralo nella scheda SAL (Consensi) prima di stampare questo documento.';
}
