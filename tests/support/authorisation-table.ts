import type { Channel } from '../../shared/contracts';
import { LETTERS_MATRIX } from './matrix-letters';
import { SYNC_MATRIX } from './matrix-sync';
import { SIUSS_MATRIX } from './matrix-siuss';
import { RIGHTS_MATRIX } from './matrix-rights';
import { RECORDS_MATRIX } from './matrix-records';
import { REPORTS_MATRIX } from './matrix-report';

/**
 * THE AUTHORISATION MATRIX. Every channel × every profile × (own resource, someone else's),
 * with the outcome written by hand from the profiles table (ARCHITECTURE.md §8), never computed from
 * shared/domain/permissions.ts (a table derived from the code under test could not fail):
 *
 *   assistente sociale (AS)   everything on own cases; open/close cases; PAI; relazioni
 *   educatore (ED)            diary and activities on cases assigned; no reserved notes
 *   psicologo (PS)            own riservato notes, visible only to psicologi and named people
 *   amministrativo (AM)       anagrafica, agenda, letters, protocol data; no diary content
 *   mediatore SAL (SAL)       SAL register, companies, tirocini; case summary only
 *   coordinatore (CO)         users, zone settings, templates, reports, audit review
 *   amministratore (ADM)      the same administration; no one's personal data
 *   Default deny: a right not granted is refused, and the refusal is audited.
 *
 * O = allowed on the own resource only, B = allowed on both, - = refused on both.
 * "Own" is what the user works on: a case he is assigned to (AS responsabile, ED and PS
 * co-operatori), its person, diary entry, file, PAI, intervention, household member, ISEE, and
 * an appointment he is an operator of. "Other" is the same of a case of another assistente
 * sociale that no one here is assigned to. AM, SAL, CO and ADM have no cases: for them own and
 * other are alike (B or -), and the table says so. Channels naming no one's data: B or -.
 */
export const MATRIX = {
  // Administration
  'users.list': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'users.create': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'users.update': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'users.setDisabled': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'users.resetPassword': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /** Colleagues' names, to pick operators and readers of a riservato note. */
  'users.directory': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'zone.get': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'zone.settings': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'zone.update': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'zone.saveComune': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'zone.saveSede': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'zone.saveRoom': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'audit.list': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'audit.verify': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'agenda.saveHours': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'agenda.savePatron': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /** The first-run checklist reads and confirms zone settings: administration. */
  'firstRun.status': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'firstRun.confirm': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /** Backups and restore of the workstation: the administrator alone (not the coordinator). */
  'backup.status': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'backup.alert': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'backup.saveSettings': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'backup.run': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'backup.restore': 'AS:- ED:- PS:- AM:- SAL:- CO:- ADM:B',
  'privacy.emergencies': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'privacy.markEmergencySeen': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /** The report names the person: the administrator sees no one's anagrafica. */
  'privacy.accessReport': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  /** What administrators did to one's own account: everyone; the review and the second administrator's decision: administration. */
  'notices.mine': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'notices.markSeen': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'notices.review': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'notices.markReviewed': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'notices.decide': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /**
   * Files travel in chunks through buffers of one's own connection: anyone in a session; the
   * channel that consumes an upload or starts a download checks its own right.
   */
  'uploads.start': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'uploads.chunk': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'downloads.chunk': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  // Anagrafica: the desk, the social workers, SAL and coordination find everyone; ED and PS their cases' people
  'persons.search': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:-',
  'persons.check': 'AS:B ED:O PS:O AM:B SAL:B CO:B ADM:-',
  'persons.get': 'AS:B ED:O PS:O AM:B SAL:B CO:B ADM:-',
  'persons.create': 'AS:B ED:B PS:B AM:B SAL:- CO:- ADM:-',
  'persons.update': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'households.addMember': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'households.updateMember': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'households.removeMember': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'isee.save': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'accessi.create': 'AS:B ED:O PS:O AM:B SAL:- CO:- ADM:-',
  'dueItems.list': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'places.search': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'places.get': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  // Case files: the social worker opens them (for anyone in the zone) and works on her own
  'accessi.toCase': 'AS:B ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'cases.open': 'AS:B ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'cases.get': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  /** Header, state and operators, no content: for those who see the person. */
  'cases.summary': 'AS:B ED:O PS:O AM:B SAL:B CO:B ADM:-',
  'cases.update': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'cases.setStatus': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'cases.archive': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  /** The responsabile manages her case's operators; the coordinator those of any case. */
  'cases.assign': 'AS:O ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'cases.endAssignment': 'AS:O ED:- PS:- AM:- SAL:- CO:B ADM:-',
  /** The point of it is a case not assigned; on one's own case it simply opens it. */
  'cases.emergencyAccess': 'AS:B ED:B PS:B AM:- SAL:- CO:- ADM:-',
  'diary.create': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  'diary.update': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  'diary.get': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  'pai.save': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'pai.close': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'interventions.save': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  'interventions.addDelivery': 'AS:O ED:- PS:- AM:- SAL:- CO:- ADM:-',
  /** Relazioni and documents: AS and PS upload; the educatore reads. */
  'attachments.upload': 'AS:O ED:- PS:O AM:- SAL:- CO:- ADM:-',
  'attachments.read': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  // Agenda: everyone who meets people; an appointment changes by its operators, whoever sees its person, the desk
  'agenda.list': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:-',
  /** Someone else's appointment shows without its person for those who cannot see her. */
  'agenda.get': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:-',
  'agenda.check': 'AS:B ED:O PS:O AM:B SAL:B CO:B ADM:-',
  'agenda.save': 'AS:B ED:O PS:O AM:B SAL:B CO:- ADM:-',
  'agenda.setStatus': 'AS:B ED:O PS:O AM:B SAL:B CO:- ADM:-',
  'agenda.forCase': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  'agenda.print': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:-',
  'agenda.staff': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:-',
  'agenda.settings': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  // SAL: the mediatore keeps the register; social workers and the coordinator read it; the others never see it
  'salAziende.list': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salAziende.get': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salAziende.save': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salAziende.saveTutor': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salAziende.addConvenzione': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salAziende.convenzionePdf': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salBeneficiari.enrol': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salBeneficiari.update': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salBeneficiari.list': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salBeneficiari.get': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salBeneficiari.forCase': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salBeneficiari.setPhase': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salBeneficiari.addActivity': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salBeneficiari.consent': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.check': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.save': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.cruscotto': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salTirocini.list': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salTirocini.get': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salTirocini.proroga': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.sospendi': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.cessa': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salTirocini.esito': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salPresenze.month': 'AS:B ED:- PS:- AM:- SAL:B CO:B ADM:-',
  'salPresenze.save': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  /** IBANs of every tirocinante: the mediatori, who pay. */
  'salPagamenti.month': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salPagamenti.export': 'AS:- ED:- PS:- AM:- SAL:B CO:- ADM:-',
  'salParametri.list': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  /** The regimes' rules are zone settings. */
  'salParametri.add': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  // The SIUSS flow (matrix-siuss.ts)
  ...SIUSS_MATRIX,
  // Letters and documents (matrix-letters.ts)
  ...LETTERS_MATRIX,
  /**
   * Conflitti: every session lists and counts the conflicts of the records it may read (the
   * service leaves the others out); settling one is editing its record (here a diary entry).
   */
  'conflicts.list': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'conflicts.count': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'conflicts.resolve': 'AS:O ED:O PS:O AM:- SAL:- CO:- ADM:-',
  // Sync between workstations (matrix-sync.ts)
  ...SYNC_MATRIX,
  // GDPR art. 15 and 18 (matrix-rights.ts)
  ...RIGHTS_MATRIX,
  // Audit export, art. 30 record, conservazione e scarto (matrix-records.ts)
  ...RECORDS_MATRIX,
  // Report (matrix-report.ts)
  ...REPORTS_MATRIX,
} as const satisfies Partial<Record<Channel, string>>;

/** Set-up, login and session channels: no resource, no profile; covered by their own table below. */
export const SESSION_CHANNELS = [
  'setup.status',
  'setup.init',
  'auth.login',
  'auth.current',
  'auth.unlock',
  'auth.recover',
  'auth.logout',
  'auth.lock',
  'auth.ping',
  'auth.changePassword',
] as const satisfies readonly Channel[];
