import type { Connection } from '../../electron/core/app';
import type { InputOf } from '../../shared/contracts';
import { call } from './core-harness';

/**
 * The SAL part of the authorisation matrix's fixture and payloads: one host company (large
 * enough for every tirocinio the payloads create), a beneficiario enrolled from each side's case,
 * and a fresh tirocinio wherever a payload changes one.
 */
export interface SalFixture {
  aziendaId: string;
  tutorId: string;
  convenzioneId: string;
  own: { beneficiarioId: string; tirocinioId: string };
  other: { beneficiarioId: string; tirocinioId: string };
}

type Side = 'own' | 'other';

export const SAL_BENEFICIARIO: InputOf<'salBeneficiari.enrol'>['fields'] = {
  invianteServizio: 'Servizio sociale professionale',
  invianteOperatore: '',
  l68: false,
  l68Percentuale: null,
  l104: false,
  cpiIscritto: false,
  cpiData: null,
  protezione: '',
  titoloStudio: '',
  competenze: '',
  esperienze: '',
  aspettative: '',
  patente: '',
  mezzi: '',
  disponibilita: '',
  distanzaMaxKm: null,
  iban: '',
};

const AZIENDA: InputOf<'salAziende.save'>['fields'] = {
  ragioneSociale: 'Azienda della matrice',
  codice: '12345678903',
  comuneIstat: '055004',
  indirizzo: '',
  atecoCodice: '81.21',
  atecoDescrizione: 'Pulizie',
  dipendentiTi: 5000,
  referente: '',
  telefono: '',
  email: '',
  coopB: false,
  note: '',
};

const ORARIO = { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 };

function tirocinio(s: SalFixture, side: Side): InputOf<'salTirocini.save'>['fields'] {
  return {
    beneficiarioId: s[side].beneficiarioId,
    aziendaId: s.aziendaId,
    convenzioneId: s.convenzioneId,
    regime: 'ordinario',
    obiettivi: '',
    mansione: 'Addetto alle pulizie',
    sedeSvolgimento: '',
    tutorPromotoreId: null,
    tutorAziendaleId: s.tutorId,
    oreSettimanali: 20,
    orario: ORARIO,
    inizio: '2027-02-01',
    fine: '2027-05-31',
    pagatoDa: '',
    inail: '',
    rc: '',
    comunicazioneData: null,
    deroga: null,
  };
}

export async function buildSal(mediatore: Connection, cases: Record<Side, string>): Promise<SalFixture> {
  const { id: aziendaId } = await call(mediatore, 'salAziende.save', { id: null, fields: AZIENDA });
  const { id: tutorId } = await call(mediatore, 'salAziende.saveTutor', { aziendaId, id: null, nome: 'Tutor Matrice', ruolo: '', telefono: '', email: '', attivo: true });
  // Its signed PDF is on file, so every profile allowed to read it gets it.
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n');
  const { uploadId } = await call(mediatore, 'uploads.start', { size: pdf.length });
  await call(mediatore, 'uploads.chunk', { uploadId, offset: 0, dataBase64: pdf.toString('base64') });
  const { id: convenzioneId } = await call(mediatore, 'salAziende.addConvenzione', { aziendaId, numero: '1/2026', data: '2026-11-02', scadenza: '2029-11-01', uploadId });
  const partial = { aziendaId, tutorId, convenzioneId } as SalFixture;
  for (const side of ['own', 'other'] as const) {
    const { id: beneficiarioId } = await call(mediatore, 'salBeneficiari.enrol', { caseId: cases[side], fields: SAL_BENEFICIARIO });
    partial[side] = { beneficiarioId, tirocinioId: '' };
    partial[side].tirocinioId = (await call(mediatore, 'salTirocini.save', { id: null, fields: tirocinio(partial, side) })).id;
  }
  return partial;
}

interface Helpers {
  sal: () => SalFixture;
  mediatore: () => Connection;
  /** A case of a person not yet in the SAL register, on the side's social worker. */
  unenrolledCase: (side: Side) => Promise<string>;
}

/** Payload builders of the SAL channels, in the matrix's shape. */
export function salPayloads(h: Helpers) {
  const freshTirocinio = async (side: Side) => (await call(h.mediatore(), 'salTirocini.save', { id: null, fields: tirocinio(h.sal(), side) })).id;
  const s = () => h.sal();
  return {
    'salAziende.list': (side: Side) => ({ query: '', comuneIstat: null, ateco: '', perBeneficiarioId: s()[side].beneficiarioId }),
    'salAziende.get': () => ({ id: s().aziendaId }),
    'salAziende.save': () => ({ id: s().aziendaId, fields: AZIENDA }),
    'salAziende.saveTutor': () => ({ aziendaId: s().aziendaId, id: s().tutorId, nome: 'Tutor Matrice', ruolo: 'Capo reparto', telefono: '', email: '', attivo: true }),
    'salAziende.convenzionePdf': () => ({ id: s().convenzioneId }),
    'salAziende.addConvenzione': () => ({ aziendaId: s().aziendaId, numero: '2/2026', data: '2026-11-02', scadenza: '2029-11-01', uploadId: null }),
    'salBeneficiari.enrol': async (side: Side) => ({ caseId: await h.unenrolledCase(side), fields: SAL_BENEFICIARIO }),
    'salBeneficiari.update': (side: Side) => ({ id: s()[side].beneficiarioId, fields: SAL_BENEFICIARIO }),
    'salBeneficiari.list': () => ({ query: '', stato: 'tutti', inAttesa: false }),
    'salBeneficiari.get': (side: Side) => ({ id: s()[side].beneficiarioId }),
    'salBeneficiari.forCase': async (side: Side) => ({ caseId: await h.unenrolledCase(side) }),
    'salBeneficiari.setPhase': async (side: Side) => {
      // A fresh beneficiario each time: phases only go forward.
      const { id } = await call(h.mediatore(), 'salBeneficiari.enrol', { caseId: await h.unenrolledCase(side), fields: SAL_BENEFICIARIO });
      await call(h.mediatore(), 'salBeneficiari.addActivity', { id, tipo: 'colloquio_accoglienza', data: '2027-01-10', note: '' });
      return { id, fase: 'orientamento', dal: '2027-01-11', note: '' };
    },
    'salBeneficiari.addActivity': (side: Side) => ({ id: s()[side].beneficiarioId, tipo: 'altro', data: '2027-01-10', note: '' }),
    'salBeneficiari.consent': async (side: Side) => {
      const { id } = await call(h.mediatore(), 'salBeneficiari.enrol', { caseId: await h.unenrolledCase(side), fields: SAL_BENEFICIARIO });
      return { id, ambito: 'condivisione_azienda', azione: 'dato', data: '2027-01-10' };
    },
    'salTirocini.check': (side: Side) => ({ id: null, fields: tirocinio(s(), side) }),
    'salTirocini.save': (side: Side) => ({ id: s()[side].tirocinioId, fields: tirocinio(s(), side) }),
    'salTirocini.list': () => ({ stato: 'tutti' }),
    'salTirocini.cruscotto': () => ({}),
    'salTirocini.get': (side: Side) => ({ id: s()[side].tirocinioId }),
    'salTirocini.proroga': async (side: Side) => ({ id: await freshTirocinio(side), nuovaFine: '2027-06-30', motivo: 'Proroga della matrice' }),
    'salTirocini.sospendi': async (side: Side) => ({ id: await freshTirocinio(side), sospensione: { dal: '2027-03-01', al: '2027-03-31', motivo: 'malattia' } }),
    'salTirocini.cessa': async (side: Side) => ({ id: await freshTirocinio(side), data: '2027-03-15', motivo: 'Rinuncia del tirocinante' }),
    'salTirocini.esito': async (side: Side) => ({ id: await freshTirocinio(side), esito: 'conclusione', data: '2027-05-31', contratto: '' }),
    'salPresenze.month': (side: Side) => ({ tirocinioId: s()[side].tirocinioId, month: '2027-02' }),
    'salPresenze.save': (side: Side) => ({ tirocinioId: s()[side].tirocinioId, month: '2027-02', presenze: [{ date: '2027-02-01', ore: 4, assenza: '' }] }),
    'salPagamenti.month': () => ({ month: '2027-02' }),
    'salPagamenti.export': () => ({ month: '2027-02', formato: 'csv' }),
    'salParametri.list': () => ({}),
    'salParametri.add': () => ({ ...PARAMETRI, validoDal: nextDate() }),
  } as const;
}

/** Each added version must start after the last one. */
let year = 2030;
const nextDate = () => `${year++}-01-01`;

const PARAMETRI: Omit<InputOf<'salParametri.add'>, 'validoDal'> = {
  regime: 'ordinario',
  durataMinMesi: 2,
  durataMaxMesi: 6,
  rinnovabileOltreMax: false,
  oreMaxGiorno: 8,
  limitiOspitante: [
    { finoADipendenti: 5, massimo: 1 },
    { finoADipendenti: 20, massimo: 2 },
  ],
  oltrePercentuale: 10,
  esclusoDaiLimiti: false,
  sogliaPresenzaPercento: 70,
  fasce: [{ finoAOreSettimanali: null, importoMensileCents: 45_000 }],
  sospensioneMinGiorniMalattia: 30,
  sospensioneMinGiorniChiusura: 15,
  fonte: 'Delibera della matrice',
};
