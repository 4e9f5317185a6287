import type { InputOf } from '../../shared/contracts';
import { call, setUpZone, tempDir } from './core-harness';
import { TODAY, personWithCf, sedeId, staff } from './cartella-fixtures';

/** The SAL register's test office: a mediatore, a beneficiario from a case, a host company with a tutor and a convenzione. */
export const WEEKDAYS_4H = { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 };

/** An office with one of each profile; a person of Giove with L.68/99, and her case at Amelia. */
export async function office() {
  const zone = await setUpZone(tempDir());
  const team = await staff(zone.core, zone.admin);
  const as = team.assistente_sociale.conn;
  const sal = team.mediatore_sal.conn;
  const p = await call(as, 'persons.create', personWithCf({ cognome: 'Fabbri', nome: 'Lucia', sesso: 'F', dataNascita: '1990-03-29', invalidita: '67%' }));
  const { caseId } = await call(as, 'cases.open', { personId: p.person.id, sedeId: await sedeId(as, 'Amelia'), area: 'disabilita', problematiche: [], apertaIl: TODAY });
  return { ...zone, team, as, sal, personId: p.person.id, caseId };
}

export const beneficiarioFields = (overrides: Partial<InputOf<'salBeneficiari.enrol'>['fields']> = {}): InputOf<'salBeneficiari.enrol'>['fields'] => ({
  invianteServizio: 'Servizio sociale professionale, sede di Amelia',
  invianteOperatore: 'Utente assistente_sociale',
  l68: true,
  l68Percentuale: 67,
  l104: false,
  cpiIscritto: true,
  cpiData: '2026-09-15',
  protezione: '',
  titoloStudio: 'Licenza media',
  competenze: 'Magazzino, uso del muletto',
  esperienze: '',
  aspettative: 'Lavoro part-time vicino a casa',
  patente: 'B',
  mezzi: 'Auto propria',
  disponibilita: 'Mattina',
  distanzaMaxKm: 15,
  iban: 'IT60 X054 2811 1010 0000 0123 456',
  ...overrides,
});

export const aziendaFields = (overrides: Partial<InputOf<'salAziende.save'>['fields']> = {}): InputOf<'salAziende.save'>['fields'] => ({
  ragioneSociale: 'Cooperativa Il Ponte',
  codice: '12345678903',
  comuneIstat: '055004',
  indirizzo: 'Via della Repubblica 5, Amelia',
  atecoCodice: '81.21',
  atecoDescrizione: 'Pulizia generale di edifici',
  dipendentiTi: 4,
  referente: 'Paolo Neri',
  telefono: '0744 000000',
  email: '',
  coopB: true,
  note: '',
  ...overrides,
});

export async function withHost(o: Awaited<ReturnType<typeof office>>) {
  const { id: beneficiarioId } = await call(o.sal, 'salBeneficiari.enrol', { caseId: o.caseId, fields: beneficiarioFields() });
  const { id: aziendaId } = await call(o.sal, 'salAziende.save', { id: null, fields: aziendaFields() });
  const { id: tutorId } = await call(o.sal, 'salAziende.saveTutor', { aziendaId, id: null, nome: 'Marta Rossi', ruolo: 'Capo squadra', telefono: '', email: '', attivo: true });
  const { id: convenzioneId } = await call(o.sal, 'salAziende.addConvenzione', { aziendaId, numero: '12/2026', data: '2026-11-02', scadenza: '2028-11-01', uploadId: null });
  const tirocinio = (overrides: Partial<InputOf<'salTirocini.save'>['fields']> = {}): InputOf<'salTirocini.save'>['fields'] => ({
    beneficiarioId,
    aziendaId,
    convenzioneId,
    regime: 'ordinario',
    obiettivi: 'Acquisire autonomia nelle pulizie di uffici',
    mansione: 'Addetta alle pulizie',
    sedeSvolgimento: 'Amelia',
    tutorPromotoreId: o.team.mediatore_sal.id,
    tutorAziendaleId: tutorId,
    oreSettimanali: 20,
    orario: WEEKDAYS_4H,
    inizio: '2027-02-01',
    fine: '2027-07-31',
    pagatoDa: 'Comune di Narni (Zona Sociale 11)',
    inail: 'PAT 123456',
    rc: 'Polizza 987',
    comunicazioneData: '2027-01-29',
    deroga: null,
    ...overrides,
  });
  return { beneficiarioId, aziendaId, tutorId, convenzioneId, tirocinio };
}

/** A one-page PDF with real cross-references, as a scanner would give (pdftotext reads it back). */
export function signedPdf(text: string): Buffer {
  const stream = `BT /F1 14 Tf 72 760 Td (${text}) Tj ET`;
  const objects = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R]/Count 1>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</Font<</F1 5 0 R>>>>/Contents 4 0 R>>',
    `<</Length ${stream.length}>>stream\n${stream}\nendstream`,
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = body.length;
    body += `${i + 1} 0 obj${o}\nendobj\n`;
    return at;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
