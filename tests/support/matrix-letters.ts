import type { Connection } from '../../electron/core/app';
import { BUILTIN_TEMPLATES } from '../../electron/core/services/letters/builtin';
import type { Profile } from '../../shared/domain/permissions';
import { call } from './core-harness';
import { solidPng } from './png';
import { TODAY } from './cartella-fixtures';

type Side = 'own' | 'other';

/**
 * The letters' rows of the authorisation matrix (written by hand from the profiles table):
 * letters and documents are the desk's and the social workers' (letters.print: AS, PS, AM, SAL),
 * each on the people they may see (PS only those of his cases); the protocol is the desk's;
 * templates and the envelope setting are administration. Reading the list of templates, the
 * field catalogue, the envelope setting and the calibration page names no one: every session.
 */
export const LETTERS_MATRIX = {
  'letterTemplates.list': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'letterTemplates.fields': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'letters.prepare': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  'letters.previewPdf': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  'letters.docx': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  'letters.issue': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  /** A sede's day: each letter is checked as a single one; people one may not see are skipped. */
  'letters.batch': 'AS:B ED:- PS:B AM:B SAL:B CO:- ADM:-',
  'letterTemplates.versions': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'letterTemplates.save': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'letterTemplates.restore': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  /** With a real record: the coordinator sees everyone's anagrafica, the administrator no one's. */
  'letterTemplates.sample': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:-',
  'letterSettings.get': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'letterSettings.save': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'letterSettings.saveLogo': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'letterSettings.removeLogo': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'letterSettings.calibrationPdf': 'AS:B ED:B PS:B AM:B SAL:B CO:B ADM:B',
  'documents.list': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  'documents.download': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  'documents.setStatus': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
  /** Protocol data come from the Comune's register: the desk records them. */
  'documents.recordProtocollo': 'AS:- ED:- PS:- AM:B SAL:- CO:- ADM:-',
  'documents.reprint': 'AS:B ED:- PS:O AM:B SAL:B CO:- ADM:-',
} as const;

/** Letters channels whose input names no one's file. */
export const LETTERS_NAMES_NO_ONE = [
  'letterTemplates.list',
  'letterTemplates.fields',
  'letters.batch',
  'letterTemplates.versions',
  'letterTemplates.save',
  'letterTemplates.restore',
  'letterSettings.get',
  'letterSettings.save',
  'letterSettings.saveLogo',
  'letterSettings.removeLogo',
  'letterSettings.calibrationPdf',
] as const;

interface Helpers {
  caseId: (side: Side) => string;
  owner: (side: Side) => Connection;
  sedeId: () => string;
  day: () => string;
  /** An upload of these bytes by the caller (uploads belong to whoever started them). */
  upload: (caller: Profile, bytes: Buffer) => Promise<string>;
}

/** Payload builders of the letters channels, in the matrix's shape: one filed letter per side, made on first use. */
export function lettersPayloads(h: Helpers) {
  const documents = new Map<Side, string>();
  const documentOf = async (side: Side) => {
    let id = documents.get(side);
    if (!id) {
      id = (await call(h.owner(side), 'letters.issue', { template: 'presa_in_carico', caseId: h.caseId(side) })).documentId;
      documents.set(side, id);
    }
    return id;
  };
  let protocollo = 1_000_000;
  const letter = (side: Side) => ({ template: 'presa_in_carico' as const, caseId: h.caseId(side) });
  const domanda = BUILTIN_TEMPLATES.domanda_accesso;
  return {
    'letterTemplates.list': () => ({}),
    'letterTemplates.fields': () => ({}),
    'letters.prepare': letter,
    'letters.previewPdf': letter,
    'letters.docx': letter,
    'letters.issue': letter,
    'letters.batch': () => ({ template: 'convocazione', sedeId: h.sedeId(), data: h.day() }),
    'letterTemplates.versions': () => ({ template: 'domanda_accesso' }),
    'letterTemplates.save': () => ({ template: 'domanda_accesso', titolo: domanda.titolo, sorgente: `${domanda.sorgente}\n<p class="piccolo">Versione della matrice.</p>` }),
    'letterTemplates.restore': () => ({ template: 'domanda_accesso' }),
    'letterTemplates.sample': (side: Side) => ({ template: 'presa_in_carico', caseId: h.caseId(side) }),
    'letterSettings.get': () => ({}),
    'letterSettings.save': () => ({ finestra: 'destra_it' }),
    'letterSettings.saveLogo': async (_side: Side, caller: Profile) => ({ uploadId: await h.upload(caller, solidPng(40, 20)) }),
    'letterSettings.removeLogo': () => ({}),
    'letterSettings.calibrationPdf': () => ({}),
    'documents.list': (side: Side) => ({ caseId: h.caseId(side) }),
    'documents.download': async (side: Side) => ({ id: await documentOf(side) }),
    'documents.setStatus': async (side: Side) => ({ id: await documentOf(side), stato: 'firmato' }),
    'documents.recordProtocollo': async (side: Side) => ({ id: await documentOf(side), numero: String(++protocollo).padStart(7, '0'), data: TODAY, registro: '055022' }),
    'documents.reprint': async (side: Side) => ({ id: await documentOf(side) }),
  } as const;
}
