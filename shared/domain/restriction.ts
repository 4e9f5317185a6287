import type { Action } from './permissions';

/**
 * GDPR art. 18: while a person's processing is restricted their data is only kept. A channel
 * whose action changes data is refused when any person or case it names belongs to a restricted
 * person; reading stays possible. The coordinator's own `rights.manage` (lifting the
 * restriction, the access export) is not here. `letters.print` is not either: it also lists and
 * previews; the channels of it that file a document are FILES_A_DOCUMENT (the day's batch of
 * convocazioni, which names no one in its input, skips restricted people itself).
 */
export const BLOCKED_WHEN_RESTRICTED: ReadonlySet<Action> = new Set<Action>([
  'persona.write',
  'case.open_close',
  'case.assign',
  'diary.write',
  'pai.write',
  'relazione.write',
  'attachment.write',
  'agenda.write',
  'agenda.manage',
  'protocol.write',
  'sal.write',
]);

/** Printing channels that file a new document in the person's file: a write, though they need only read rights. */
export const FILES_A_DOCUMENT: ReadonlySet<string> = new Set(['letters.issue', 'documents.reprint']);

/** A restriction is often asked precisely so that data is kept (art. 18.1.c): the scarto of a restricted person's file waits. */
export const ERASES: ReadonlySet<string> = new Set(['retention.execute']);

/** What the caller is told: names the restriction, not the person. */
export const RESTRICTED_MESSAGE =
  'Il trattamento dei dati di questa persona è limitato (art. 18 GDPR): i suoi dati e le sue cartelle si possono solo consultare, non modificare. Per modificarli il coordinatore deve prima revocare la limitazione.';

/** What the SAL payment list says of the tirocini it leaves out for a restricted person: their number, never who. */
export function hiddenPaymentsNote(n: number): string {
  const which = n === 1 ? 'Un tirocinio non è elencato' : `${n} tirocini non sono elencati`;
  return `${which}: il trattamento dei dati della persona è limitato (art. 18 GDPR). Per il pagamento rivolgiti al coordinatore.`;
}
