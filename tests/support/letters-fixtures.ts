import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Connection, Core } from '../../electron/core/app';
import { ChromiumPdf } from '../../electron/core/services/letters/chromium-pdf';
import type { InputOf } from '../../shared/contracts';
import { addDays } from '../../shared/domain/dates';
import type { Profile } from '../../shared/domain/permissions';
import { isoWeekday } from '../../shared/domain/recurrence';
import { call, receiveDownload, setUpZone, tempDir } from './core-harness';
import { TODAY, person, personWithCf, sedeId, staff } from './cartella-fixtures';

/** A weekday two weeks ahead: appointments never depend on the day the tests run. */
export const DAY = (() => {
  let d = addDays(TODAY, 14);
  while (isoWeekday(d) !== 2) d = addDays(d, 1);
  return d;
})();

/** The full record: accents, apostrophe, hyphen; ISEE and invalidità (sensitive) filled. */
export const NICOLO = personWithCf({
  cognome: 'D’Annunzio-Colò',
  nome: 'Nicolò',
  sesso: 'M',
  dataNascita: '1980-03-03',
  luogoNascita: 'F844',
  residenzaComuneIstat: '055022',
  residenzaIndirizzo: 'Via del Campanile 7, Narni',
  telefono: '0744 123456',
  email: 'nicolo@example.it',
  invalidita: '67%',
  legge104: true,
});

/** The minimal record: a name and nothing else (no address, no codice fiscale, no birth date). */
export const MINIMA = person({
  cognome: 'Bianchi',
  nome: 'Ada',
  sesso: 'F',
  dataNascita: null,
  luogoNascita: null,
  cittadinanza: null,
  residenzaComuneIstat: null,
  residenzaIndirizzo: '',
});

export interface LettersOffice {
  core: Core;
  dataDir: string;
  admin: Connection;
  team: Record<Profile, { id: string; conn: Connection; username: string }>;
  as: Connection;
  full: { personId: string; caseId: string; appointmentId: string; tirocinioId: string };
  minimal: { personId: string; caseId: string; appointmentId: string };
  amelia: string;
  narni: string;
}

const WEEKDAYS_4H = { lun: 4, mar: 4, mer: 4, gio: 4, ven: 4, sab: 0, dom: 0 };

async function appointment(conn: Connection, o: { sedeId: string; roomId: string; operatorId: string; personId: string; caseId: string; start: string }): Promise<string> {
  const input: InputOf<'agenda.save'> = {
    tipo: 'colloquio',
    sedeId: o.sedeId,
    roomId: o.roomId,
    comuneIstat: null,
    indirizzo: '',
    operatorIds: [o.operatorId],
    personId: o.personId,
    caseId: o.caseId,
    start: `${DAY}T${o.start}`,
    end: `${DAY}T${o.start.replace(/^(\d\d)/, (h) => String(Number(h) + 1).padStart(2, '0'))}`,
    rrule: '',
    note: '',
  };
  const saved = await call(conn, 'agenda.save', input);
  if (!saved.saved || !saved.appointmentId) throw new Error(`appuntamento non salvato: ${JSON.stringify(saved.conflicts)}`);
  return saved.appointmentId;
}

/** An office with a full and a minimal record, each with a case, an appointment at Amelia, a PAI and (the full one) a tirocinio. */
export async function lettersOffice(): Promise<LettersOffice> {
  const zone = await setUpZone(tempDir('udc-letters-'), undefined, { pdf: new ChromiumPdf() });
  const team = await staff(zone.core, zone.admin);
  const as = team.assistente_sociale.conn;
  const amelia = await sedeId(as, 'Amelia');
  const narni = await sedeId(as, 'Narni');
  const zoneData = await call(zone.admin, 'zone.get', {});
  const room = zoneData.sedi.find((s) => s.id === amelia)!.rooms[0]!.id;
  const full = await call(as, 'persons.create', NICOLO);
  const min = await call(as, 'persons.create', MINIMA);
  const fullCase = (await call(as, 'cases.open', { personId: full.person.id, sedeId: amelia, area: 'disabilita', problematiche: ['salute'], apertaIl: TODAY })).caseId;
  const minCase = (await call(as, 'cases.open', { personId: min.person.id, sedeId: amelia, area: 'poverta', problematiche: [], apertaIl: TODAY })).caseId;
  await call(as, 'pai.save', {
    caseId: fullCase,
    dataAvvio: TODAY,
    revisioneMesi: 6,
    note: '',
    obiettivi: [{ termine: 'breve', descrizione: 'Presentare la domanda di assegno di inclusione', esito: 'in_corso', esitoNote: '' }],
  });
  const fullAppointment = await appointment(as, {
    sedeId: amelia,
    roomId: room,
    operatorId: team.assistente_sociale.id,
    personId: full.person.id,
    caseId: fullCase,
    start: '09:30',
  });
  const minAppointment = await appointment(as, { sedeId: amelia, roomId: room, operatorId: team.assistente_sociale.id, personId: min.person.id, caseId: minCase, start: '11:00' });
  const sal = team.mediatore_sal.conn;
  const { id: beneficiarioId } = await call(sal, 'salBeneficiari.enrol', {
    caseId: fullCase,
    fields: {
      invianteServizio: 'Servizio sociale professionale, sede di Amelia',
      invianteOperatore: 'Utente assistente_sociale',
      l68: true,
      l68Percentuale: 67,
      l104: false,
      cpiIscritto: true,
      cpiData: TODAY,
      protezione: '',
      titoloStudio: 'Licenza media',
      competenze: 'Magazzino',
      esperienze: '',
      aspettative: '',
      patente: 'B',
      mezzi: 'Auto propria',
      disponibilita: 'Mattina',
      distanzaMaxKm: 15,
      iban: '',
    },
  });
  const { id: aziendaId } = await call(sal, 'salAziende.save', {
    id: null,
    fields: {
      ragioneSociale: 'Cooperativa Il Ponte',
      codice: '12345678903',
      comuneIstat: '055004',
      indirizzo: 'Via della Repubblica 5',
      atecoCodice: '81.21',
      atecoDescrizione: 'Pulizia generale di edifici',
      dipendentiTi: 4,
      referente: 'Paolo Neri',
      telefono: '0744 000000',
      email: '',
      coopB: true,
      note: '',
    },
  });
  const { id: tutorId } = await call(sal, 'salAziende.saveTutor', { aziendaId, id: null, nome: 'Marta Rossi', ruolo: 'Capo squadra', telefono: '', email: '', attivo: true });
  const { id: convenzioneId } = await call(sal, 'salAziende.addConvenzione', { aziendaId, numero: '12/2026', data: TODAY, scadenza: addDays(TODAY, 700), uploadId: null });
  const start = addDays(TODAY, 30);
  const { id: tirocinioId } = await call(sal, 'salTirocini.save', {
    id: null,
    fields: {
      beneficiarioId,
      aziendaId,
      convenzioneId,
      regime: 'ordinario',
      obiettivi: 'Acquisire autonomia nelle pulizie di uffici',
      mansione: 'Addetto alle pulizie',
      sedeSvolgimento: 'Amelia',
      tutorPromotoreId: team.mediatore_sal.id,
      tutorAziendaleId: tutorId,
      oreSettimanali: 20,
      orario: WEEKDAYS_4H,
      inizio: start,
      fine: addDays(start, 120),
      pagatoDa: 'Comune di Narni (Zona Sociale 11)',
      inail: 'PAT 123456',
      rc: 'Polizza 987',
      comunicazioneData: TODAY,
      deroga: null,
    },
  });
  return {
    core: zone.core,
    dataDir: zone.dataDir,
    admin: zone.admin,
    team,
    as,
    full: { personId: full.person.id, caseId: fullCase, appointmentId: fullAppointment, tirocinioId },
    minimal: { personId: min.person.id, caseId: minCase, appointmentId: minAppointment },
    amelia,
    narni,
  };
}

const outDir = tempDir('udc-letters-pdf-');

/** A downloaded PDF's text (pdftotext keeps accents), its page size and word boxes. */
export async function pdfOf(conn: Connection, downloadId: string): Promise<{ bytes: Buffer; text: string; file: string }> {
  const bytes = await receiveDownload(conn, downloadId);
  const file = path.join(outDir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return { bytes, text, file };
}

export function pageSizes(file: string): string[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '99', file], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/g)].map((m) => m[1] as string);
}

/** Word boxes (pt, origin top-left) from `pdftotext -bbox`. */
export function wordBoxes(file: string): { word: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
    word: (m[5] as string)
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'"),
  }));
}

export const MM = 72 / 25.4;
