import { z } from 'zod';
import { ATTIVITA, FASI } from '../domain/sal/fasi';
import { GIORNI, MOTIVI_SOSPENSIONE, REGIMI } from '../domain/sal/regimi';
import { checkCompanyCode } from '../domain/sal/partita-iva';
import { channel, defineFeature } from './define';
import { Id, IstatCode, Ok, cents, isoDate, longText, optionalIsoDate, optionalText, text } from './common';

/** A month, 'YYYY-MM'. */
export const Month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, { error: 'Mese non valido (aaaa-mm).' });

const Hours = (label: string, max = 24) =>
  z
    .number({ error: `${label}: indica un numero di ore.` })
    .min(0, { error: `${label}: le ore non possono essere negative.` })
    .max(max, { error: `${label}: al massimo ${max}.` })
    .refine((n) => Number.isInteger(n * 4), { error: `${label}: usa i quarti d’ora (es. 3,5 o 3,25).` });

const Orario = z.strictObject(Object.fromEntries(GIORNI.map((g) => [g, Hours(`Orario del ${g}`)])) as Record<(typeof GIORNI)[number], ReturnType<typeof Hours>>);

const CompanyCode = z.string({ error: 'Partita IVA o codice fiscale: campo obbligatorio.' }).transform((s, ctx) => {
  const check = checkCompanyCode(s);
  if (!check.ok) {
    ctx.addIssue({ code: 'custom', message: check.message });
    return z.NEVER;
  }
  return check.value;
});

const Ateco = z.string().regex(/^$|^\d{2}(\.\d{1,2}){0,2}$/, { error: 'Codice ATECO non valido (es. 56.10.11).' });
const Iban = z
  .string()
  .transform((s) => s.replace(/\s+/g, '').toUpperCase())
  .pipe(z.string().regex(/^$|^IT\d{2}[A-Z]\d{10}[0-9A-Z]{12}$/, { error: 'IBAN non valido: un IBAN italiano ha 27 caratteri e inizia con IT.' }));

// ---- Aziende ed enti ospitanti ---------------------------------------------------------------

export const AziendaFields = z.strictObject({
  ragioneSociale: text('Ragione sociale', 200, 2),
  codice: CompanyCode,
  comuneIstat: IstatCode,
  indirizzo: optionalText('Indirizzo della sede operativa', 200),
  atecoCodice: Ateco,
  atecoDescrizione: optionalText('Descrizione ATECO', 200),
  dipendentiTi: z.number().int({ error: 'Dipendenti a tempo indeterminato: un numero intero.' }).min(0).max(100_000),
  referente: optionalText('Referente'),
  telefono: optionalText('Telefono', 40),
  email: optionalText('Email', 120),
  coopB: z.boolean(),
  note: longText('Note', 2000),
});

export const TutorSummary = z.object({ id: z.string(), nome: z.string(), ruolo: z.string(), telefono: z.string(), email: z.string(), attivo: z.boolean() });
export const ConvenzioneSummary = z.object({ id: z.string(), numero: z.string(), data: z.string(), scadenza: z.string(), conFile: z.boolean(), scaduta: z.boolean() });

export const AziendaSummary = z.object({
  id: z.string(),
  ragioneSociale: z.string(),
  codice: z.string(),
  comuneIstat: z.string(),
  comune: z.string(),
  atecoCodice: z.string(),
  atecoDescrizione: z.string(),
  dipendentiTi: z.number(),
  coopB: z.boolean(),
  tirocinantiInCorso: z.number(),
  limite: z.number(),
  /** From the beneficiario's comune, when matching; null when the distance is not known. */
  distanzaKm: z.number().nullable(),
});

export const AziendaDetail = AziendaSummary.extend({
  indirizzo: z.string(),
  referente: z.string(),
  telefono: z.string(),
  email: z.string(),
  note: z.string(),
  tutor: z.array(TutorSummary),
  convenzioni: z.array(ConvenzioneSummary),
});

// ---- Beneficiari -------------------------------------------------------------------------------

export const BeneficiarioFields = z.strictObject({
  invianteServizio: text('Servizio inviante', 200),
  invianteOperatore: optionalText('Operatore inviante'),
  l68: z.boolean(),
  l68Percentuale: z.number().int().min(0, { error: 'Percentuale L.68/99: tra 0 e 100.' }).max(100, { error: 'Percentuale L.68/99: tra 0 e 100.' }).nullable(),
  l104: z.boolean(),
  cpiIscritto: z.boolean(),
  cpiData: optionalIsoDate('Data di iscrizione al CPI'),
  protezione: z.enum(['', 'richiedente_asilo', 'protezione_internazionale', 'protezione_speciale']),
  titoloStudio: optionalText('Titolo di studio'),
  competenze: longText('Competenze', 4000),
  esperienze: longText('Esperienze', 4000),
  aspettative: longText('Aspettative', 4000),
  patente: optionalText('Patente', 40),
  mezzi: optionalText('Mezzi di trasporto'),
  disponibilita: optionalText('Disponibilità oraria', 200),
  distanzaMaxKm: z.number().int().min(0, { error: 'Distanza massima: tra 0 e 500 km.' }).max(500, { error: 'Distanza massima: tra 0 e 500 km.' }).nullable(),
  iban: Iban,
});

export const BeneficiarioSummary = z.object({
  id: z.string(),
  personId: z.string(),
  caseId: z.string(),
  cognome: z.string(),
  nome: z.string(),
  comuneIstat: z.string().nullable(),
  comune: z.string().nullable(),
  fase: z.enum(FASI).nullable(),
  l68: z.boolean(),
  tirocinioInCorso: z.boolean(),
  stato: z.enum(['attivo', 'concluso']),
});

export const FaseRecord = z.object({ id: z.string(), fase: z.enum(FASI), dal: z.string(), al: z.string().nullable(), note: z.string() });
export const AttivitaRecord = z.object({ id: z.string(), tipo: z.enum(ATTIVITA), data: z.string(), note: z.string(), autore: z.string() });
export const ConsensoRecord = z.object({
  id: z.string(),
  ambito: z.enum(['condivisione_azienda', 'invalidita', 'diagnosi']),
  datoIl: z.string(),
  revocatoIl: z.string().nullable(),
});

// ---- Tirocini ----------------------------------------------------------------------------------

export const SospensioneInput = z.strictObject({ dal: isoDate('Inizio della sospensione'), al: isoDate('Fine della sospensione'), motivo: z.enum(MOTIVI_SOSPENSIONE) });

export const TirocinioFields = z.strictObject({
  beneficiarioId: Id,
  aziendaId: Id,
  convenzioneId: Id,
  regime: z.enum(REGIMI, { error: 'Scegli il regime del tirocinio.' }),
  obiettivi: longText('Obiettivi', 4000),
  mansione: text('Mansione', 200),
  sedeSvolgimento: optionalText('Sede di svolgimento', 200),
  tutorPromotoreId: Id.nullable(),
  tutorAziendaleId: Id.nullable(),
  // A week, not a day: the 24-hour cap of a day would refuse the 30-hour tirocini the top band pays.
  oreSettimanali: Hours('Ore settimanali', 48).refine((n) => n > 0, { error: 'Ore settimanali: indica le ore del progetto formativo.' }),
  orario: Orario,
  inizio: isoDate('Inizio'),
  fine: isoDate('Fine prevista'),
  pagatoDa: optionalText('Chi paga l’indennità'),
  inail: optionalText('Posizione INAIL'),
  rc: optionalText('Polizza RC'),
  comunicazioneData: optionalIsoDate('Data della comunicazione obbligatoria'),
  /** The exception the rules allow for a breach, with its reason (e.g. the service's attestation). */
  deroga: z.strictObject({ regola: z.string().max(40), motivo: text('Motivo della deroga', 500, 5) }).nullable(),
});

export const Breach = z.object({ rule: z.string(), message: z.string(), deroga: z.string().nullable() });

export const TirocinioSummary = z.object({
  id: z.string(),
  beneficiarioId: z.string(),
  beneficiario: z.string(),
  aziendaId: z.string(),
  azienda: z.string(),
  regime: z.enum(REGIMI),
  inizio: z.string(),
  fine: z.string(),
  fineEffettiva: z.string(),
  oreSettimanali: z.number(),
  stato: z.enum(['in_corso', 'cessato', 'concluso']),
  esito: z.string(),
});

export const TirocinioDetail = TirocinioSummary.extend({
  convenzioneId: z.string(),
  obiettivi: z.string(),
  mansione: z.string(),
  sedeSvolgimento: z.string(),
  tutorPromotoreId: z.string().nullable(),
  tutorAziendaleId: z.string().nullable(),
  orario: Orario,
  pagatoDa: z.string(),
  inail: z.string(),
  rc: z.string(),
  comunicazioneData: z.string().nullable(),
  sospensioni: z.array(SospensioneInput.extend({ id: z.string() })),
  proroghe: z.array(z.object({ finePrima: z.string(), fineDopo: z.string(), motivo: z.string(), at: z.string() })),
  cessazioneData: z.string().nullable(),
  cessazioneMotivo: z.string(),
  esitoData: z.string().nullable(),
  esitoContratto: z.string(),
  deroga: z.object({ regola: z.string(), motivo: z.string() }).nullable(),
  parametri: z.object({ validoDal: z.string(), fonte: z.string() }),
});

// ---- Presenze e indennità --------------------------------------------------------------------

export const GridDay = z.object({
  date: z.string(),
  giorno: z.enum(GIORNI),
  kind: z.enum(['fuori', 'sospeso', 'festivo', 'riposo', 'previsto']),
  previste: z.number(),
  festa: z.string().optional(),
});
export const PresenzaInput = z.strictObject({ date: isoDate('Giorno'), ore: Hours('Ore'), assenza: optionalText('Motivo dell’assenza', 120) });

export const Indennita = z.object({
  month: z.string(),
  importoPienoCents: z.number(),
  previsteMeseIntero: z.number(),
  previste: z.number(),
  svolte: z.number(),
  percentuale: z.number(),
  sogliaPercento: z.number(),
  piena: z.boolean(),
  importoCents: z.number(),
  spiegazione: z.string(),
});

/** A file the core hands out in chunks (downloads.chunk). */
const Download = z.object({ nome: z.string(), mime: z.string(), dimensione: z.number(), downloadId: z.string() });

export const PaymentRow = z.object({
  tirocinioId: z.string(),
  beneficiario: z.string(),
  codiceFiscale: z.string(),
  iban: z.string(),
  azienda: z.string(),
  pagatoDa: z.string(),
  importoCents: z.number(),
  spiegazione: z.string(),
  presenzeInserite: z.boolean(),
});

// ---- Parametri ----------------------------------------------------------------------------------

export const ParametriVersion = z.object({
  id: z.string(),
  regime: z.enum(REGIMI),
  validoDal: z.string(),
  durataMinMesi: z.number().int().min(1).max(60),
  durataMaxMesi: z.number().int().min(1).max(60),
  rinnovabileOltreMax: z.boolean(),
  oreMaxGiorno: z.number().min(1).max(12),
  limitiOspitante: z.array(z.object({ finoADipendenti: z.number().int().min(0), massimo: z.number().int().min(0) })).max(5),
  oltrePercentuale: z.number().min(0).max(100),
  esclusoDaiLimiti: z.boolean(),
  sogliaPresenzaPercento: z.number().min(0).max(100),
  fasce: z
    .array(z.object({ finoAOreSettimanali: z.number().nullable(), importoMensileCents: cents('Importo mensile') }))
    .min(1)
    .max(6),
  sospensioneMinGiorniMalattia: z.number().int().min(0).max(365),
  sospensioneMinGiorniChiusura: z.number().int().min(0).max(365),
  fonte: text('Fonte', 500, 3),
});

const WithId = <T extends z.ZodRawShape>(shape: T) => z.strictObject({ id: Id, ...shape });

export const salContract = {
  'salAziende.list': channel(
    z.strictObject({ query: optionalText('Ricerca', 80), comuneIstat: IstatCode.nullable(), ateco: Ateco, perBeneficiarioId: Id.nullable() }),
    z.object({ aziende: z.array(AziendaSummary) }),
    'sal.read',
    { comuneIstat: 'comune', perBeneficiarioId: 'salBeneficiario:read' },
  ),
  'salAziende.get': channel(z.strictObject({ id: Id }), AziendaDetail, 'sal.read', { id: 'salAzienda' }),
  'salAziende.save': channel(z.strictObject({ id: Id.nullable(), fields: AziendaFields }), z.object({ id: z.string() }), 'sal.write', {
    id: 'salAzienda',
    'fields.comuneIstat': 'comune',
  }),
  'salAziende.saveTutor': channel(
    z.strictObject({
      aziendaId: Id,
      id: Id.nullable(),
      nome: text('Nome del tutor', 120, 2),
      ruolo: optionalText('Ruolo'),
      telefono: optionalText('Telefono', 40),
      email: optionalText('Email'),
      attivo: z.boolean(),
    }),
    z.object({ id: z.string() }),
    'sal.write',
    { aziendaId: 'salAzienda', id: 'salTutor' },
  ),
  'salAziende.addConvenzione': channel(
    z.strictObject({
      aziendaId: Id,
      numero: text('Numero della convenzione', 40),
      data: isoDate('Data della convenzione'),
      scadenza: isoDate('Scadenza'),
      // Upload ids are the transfers' random UUIDs, not record ids.
      uploadId: z.uuid({ error: 'Caricamento non valido: riprova a caricare il file.' }).nullable(),
    }),
    z.object({ id: z.string() }),
    'sal.write',
    { aziendaId: 'salAzienda', uploadId: 'transfer' },
  ),
  // The signed PDF follows in chunks (downloads.chunk); avviso: active content found in it ('' otherwise).
  'salAziende.convenzionePdf': channel(z.strictObject({ id: Id }), Download.extend({ avviso: z.string() }), 'sal.read', { id: 'salConvenzione' }),
  'salBeneficiari.enrol': channel(z.strictObject({ caseId: Id, fields: BeneficiarioFields }), z.object({ id: z.string() }), 'sal.write', { caseId: 'case:summary' }),
  'salBeneficiari.update': channel(WithId({ fields: BeneficiarioFields }), Ok, 'sal.write', { id: 'salBeneficiario:write' }),
  'salBeneficiari.list': channel(
    z.strictObject({ query: optionalText('Ricerca', 80), stato: z.enum(['attivo', 'concluso', 'tutti']), inAttesa: z.boolean() }),
    z.object({ beneficiari: z.array(BeneficiarioSummary) }),
    'sal.read',
  ),
  'salBeneficiari.get': channel(
    z.strictObject({ id: Id }),
    BeneficiarioSummary.extend({
      codiceFiscale: z.string(),
      caseNumero: z.string(),
      fields: BeneficiarioFields,
      fasi: z.array(FaseRecord),
      attivita: z.array(AttivitaRecord),
      consensi: z.array(ConsensoRecord),
      tirocini: z.array(TirocinioSummary),
    }),
    'sal.read',
    { id: 'salBeneficiario:read' },
  ),
  'salBeneficiari.forCase': channel(z.strictObject({ caseId: Id }), z.object({ beneficiarioId: z.string().nullable() }), 'sal.read', { caseId: 'case:summary' }),
  'salBeneficiari.setPhase': channel(WithId({ fase: z.enum(FASI), dal: isoDate('Data di inizio della fase'), note: optionalText('Note', 500) }), Ok, 'sal.write', {
    id: 'salBeneficiario:write',
  }),
  'salBeneficiari.addActivity': channel(WithId({ tipo: z.enum(ATTIVITA), data: isoDate('Data'), note: longText('Note', 2000) }), Ok, 'sal.write', {
    id: 'salBeneficiario:write',
  }),
  'salBeneficiari.consent': channel(
    WithId({ ambito: z.enum(['condivisione_azienda', 'invalidita', 'diagnosi']), azione: z.enum(['dato', 'revocato']), data: isoDate('Data') }),
    Ok,
    'sal.write',
    { id: 'salBeneficiario:write' },
  ),
  'salTirocini.check': channel(
    z.strictObject({ id: Id.nullable(), fields: TirocinioFields }),
    z.object({ breaches: z.array(Breach), fineEffettiva: z.string(), durata: z.string() }),
    'sal.write',
    {
      id: 'salTirocinio:write',
      'fields.beneficiarioId': 'salBeneficiario:write',
      'fields.aziendaId': 'salAzienda',
      'fields.convenzioneId': 'salConvenzione',
      'fields.tutorPromotoreId': 'user',
      'fields.tutorAziendaleId': 'salTutor',
    },
  ),
  'salTirocini.save': channel(z.strictObject({ id: Id.nullable(), fields: TirocinioFields }), z.object({ id: z.string() }), 'sal.write', {
    id: 'salTirocinio:write',
    'fields.beneficiarioId': 'salBeneficiario:write',
    'fields.aziendaId': 'salAzienda',
    'fields.convenzioneId': 'salConvenzione',
    'fields.tutorPromotoreId': 'user',
    'fields.tutorAziendaleId': 'salTutor',
  }),
  'salTirocini.cruscotto': channel(
    z.strictObject({}),
    z.object({
      inCorso: z.number(),
      inScadenza: z.array(TirocinioSummary),
      convenzioniInScadenza: z.array(z.object({ id: z.string(), aziendaId: z.string(), azienda: z.string(), numero: z.string(), scadenza: z.string() })),
      presenzeDaInserire: z.array(z.object({ tirocinioId: z.string(), beneficiario: z.string(), azienda: z.string(), month: z.string() })),
      inAttesa: z.number(),
    }),
    'sal.read',
  ),
  'salTirocini.list': channel(z.strictObject({ stato: z.enum(['in_corso', 'cessato', 'concluso', 'tutti']) }), z.object({ tirocini: z.array(TirocinioSummary) }), 'sal.read'),
  'salTirocini.get': channel(z.strictObject({ id: Id }), TirocinioDetail, 'sal.read', { id: 'salTirocinio:read' }),
  'salTirocini.proroga': channel(WithId({ nuovaFine: isoDate('Nuova fine'), motivo: text('Motivo della proroga', 500, 3) }), Ok, 'sal.write', { id: 'salTirocinio:write' }),
  'salTirocini.sospendi': channel(WithId({ sospensione: SospensioneInput }), Ok, 'sal.write', { id: 'salTirocinio:write' }),
  'salTirocini.cessa': channel(WithId({ data: isoDate('Data di cessazione'), motivo: text('Motivo della cessazione anticipata', 500, 3) }), Ok, 'sal.write', {
    id: 'salTirocinio:write',
  }),
  'salTirocini.esito': channel(
    WithId({
      esito: z.enum(['assunzione', 'nuovo_tirocinio', 'rinuncia', 'interruzione', 'conclusione']),
      data: isoDate('Data dell’esito'),
      contratto: optionalText('Tipo di contratto', 120),
    }),
    Ok,
    'sal.write',
    { id: 'salTirocinio:write' },
  ),
  'salPresenze.month': channel(
    z.strictObject({ tirocinioId: Id, month: Month }),
    z.object({ grid: z.array(GridDay), presenze: z.array(PresenzaInput), indennita: Indennita }),
    'sal.read',
    { tirocinioId: 'salTirocinio:read' },
  ),
  'salPresenze.save': channel(z.strictObject({ tirocinioId: Id, month: Month, presenze: z.array(PresenzaInput).max(31) }), z.object({ indennita: Indennita }), 'sal.write', {
    tirocinioId: 'salTirocinio:write',
  }),
  'salPagamenti.month': channel(z.strictObject({ month: Month }), z.object({ rows: z.array(PaymentRow), totaleCents: z.number(), nascosti: z.number() }), 'sal.write'),
  // The file follows in chunks (downloads.chunk); its name says the month, never a person.
  'salPagamenti.export': channel(z.strictObject({ month: Month, formato: z.enum(['csv', 'xlsx']) }), Download, 'sal.write'),
  // The regimes' rules name no one: every session may read them (the administrator keeps them).
  'salParametri.list': channel(z.strictObject({}), z.object({ versions: z.array(ParametriVersion) }), 'session'),
  'salParametri.add': channel(ParametriVersion.omit({ id: true }).strict(), z.object({ id: z.string() }), 'zone.manage'),
};

export const salFeature = defineFeature('sal', {
  prefixes: ['salAziende', 'salBeneficiari', 'salTirocini', 'salPresenze', 'salPagamenti', 'salParametri'],
  channels: salContract,
});
