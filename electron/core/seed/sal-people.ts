import { addDays } from '../../../shared/domain/dates';
import type { Attivita, Fase } from '../../../shared/domain/sal/fasi';
import type { Batch } from './generate';
import type { Rng } from './rng';
import { uuidv7 } from '../ids';
import { ASPETTATIVE, COMPETENZE, INVIANTI } from './sal-texts';

/** A person with an open case file who may be referred to the SAL. */
export interface SalCandidate {
  personId: string;
  caseId: string;
  comuneIstat: string;
  sedeNome: string;
  invalido: boolean;
  foreign: boolean;
}

export type SalBatch = Required<
  Pick<
    Batch,
    | 'sal_aziende'
    | 'sal_tutor'
    | 'sal_convenzioni'
    | 'sal_beneficiari'
    | 'sal_fasi'
    | 'sal_attivita'
    | 'sal_consensi'
    | 'sal_tirocini'
    | 'sal_sospensioni'
    | 'sal_proroghe'
    | 'sal_presenze'
  >
>;

/** What a beneficiario's path is drawn from: his tirocini, in order. */
export interface PathTirocinio {
  archetype: string;
  inizio: string;
  /** The last day it ran. */
  ultimo: string;
}

const RUNNING = new Set(['in_corso', 'sospeso', 'prorogato']);
const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** An Italian IBAN with its check digits (mod 97, ISO 13616); the account number is random. */
function ibanIt(rng: Rng): string {
  const bban = `${String.fromCharCode(65 + rng.int(0, 25))}${pad(rng.int(1000, 9999), 5)}${pad(rng.int(10000, 99999), 5)}${pad(rng.int(0, 999_999), 6)}${pad(rng.int(0, 999_999), 6)}`;
  const digits = `${bban}IT00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const ch of digits) rest = (rest * 10 + Number(ch)) % 97;
  return `IT${pad(98 - rest, 2)}${bban}`;
}

/** A beneficiario referred from his case, with his path through the phases and the consents it needs. */
export function beneficiario(
  b: SalBatch,
  rng: Rng,
  input: { today: string; invianti: readonly string[]; mediatori: readonly string[]; createdAt: string },
  id: string,
  c: SalCandidate,
  tirocini: readonly PathTirocinio[],
): void {
  const first = tirocini[0];
  const enrolled = first ? addDays(first.inizio, -rng.int(40, 120)) : addDays(input.today, -rng.int(10, 200));
  const lastPlan = tirocini.at(-1);
  const closed = lastPlan && !RUNNING.has(lastPlan.archetype) ? lastPlan.ultimo : null;
  // Some referred people have a disability the register records (L.68/99, L.104/92).
  const invalido = c.invalido || rng.chance(0.2);
  const l68 = invalido && rng.chance(0.7);
  const cpi = rng.chance(0.85);
  b.sal_beneficiari.push({
    id,
    values: {
      person_id: c.personId,
      case_id: c.caseId,
      inviante_servizio: `${rng.pick(INVIANTI)}, sede di ${c.sedeNome}`,
      inviante_operatore: input.invianti.length ? rng.pick(input.invianti) : '',
      mediatore_id: input.mediatori[0] ?? null,
      l68: l68 ? 1 : 0,
      l68_percentuale: l68 ? rng.int(46, 100) : null,
      l104: invalido && rng.chance(0.3) ? 1 : 0,
      cpi_iscritto: cpi ? 1 : 0,
      cpi_data: cpi ? addDays(enrolled, -rng.int(30, 900)) : null,
      protezione: c.foreign && rng.chance(0.3) ? rng.pick(['richiedente_asilo', 'protezione_internazionale', 'protezione_speciale'] as const) : '',
      titolo_studio: rng.pick(['Licenza media', 'Licenza media', 'Diploma professionale', 'Diploma', 'Licenza elementare']),
      competenze: rng.pick(COMPETENZE),
      esperienze: rng.chance(0.6) ? `Lavori stagionali nel ${rng.int(2012, 2024)}` : '',
      aspettative: rng.pick(ASPETTATIVE),
      patente: rng.pick(['B', 'B', '', 'AM']),
      mezzi: rng.pick(['Auto propria', 'Autobus di linea', 'Bicicletta', 'Accompagnato dai familiari']),
      disponibilita: rng.pick(['Mattina', 'Mattina e pomeriggio', 'Pomeriggio', 'Tutto il giorno']),
      distanza_max_km: rng.pick([5, 10, 15, 20, 30]),
      iban: ibanIt(rng),
      stato: closed && lastPlan?.archetype === 'concluso_assunzione' ? 'concluso' : 'attivo',
      created_at: input.createdAt,
    },
  });
  // The path: each phase after the activity it needs, none in the future.
  const steps: [Fase, string, Attivita | null][] = [['preliminare', enrolled, 'colloquio_accoglienza']];
  const add = (fase: Fase, dal: string, before: Attivita | null) => {
    if (dal <= input.today && dal >= steps.at(-1)![1]) steps.push([fase, dal, before]);
  };
  add('orientamento', addDays(enrolled, rng.int(5, 15)), null);
  if (first || rng.chance(0.5)) add('progettazione', addDays(enrolled, rng.int(20, 35)), 'valutazione_inviante');
  if (first) {
    add('attivazione', addDays(first.inizio, -rng.int(3, 10)), 'incontro_azienda');
    add('accompagnamento', first.inizio, null);
    add('monitoraggio', addDays(first.inizio, 30), 'visita_monitoraggio');
    if (closed) add('valutazione_finale', addDays(closed, rng.int(3, 15)), 'verifica_inviante');
  }
  steps.forEach(([fase, dal, activity], i) => {
    b.sal_fasi.push({ id: uuidv7(), values: { beneficiario_id: id, fase, dal, al: steps[i + 1]?.[1] ?? null, note: '' } });
    if (activity) {
      const data = i === 0 ? dal : addDays(dal, -rng.int(1, 4));
      b.sal_attivita.push({ id: uuidv7(), values: { beneficiario_id: id, tipo: activity, data, note: '', autore_id: input.mediatori[0] ?? null, created_at: input.createdAt } });
    }
  });
  if (first)
    b.sal_consensi.push({
      id: uuidv7(),
      values: { beneficiario_id: id, ambito: 'condivisione_azienda', dato_il: enrolled, revocato_il: null, autore_id: input.mediatori[0] ?? null },
    });
  if (l68 && rng.chance(0.5))
    b.sal_consensi.push({ id: uuidv7(), values: { beneficiario_id: id, ambito: 'invalidita', dato_il: enrolled, revocato_il: null, autore_id: input.mediatori[0] ?? null } });
}
