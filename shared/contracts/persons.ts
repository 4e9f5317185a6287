import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Belfiore, Id, IstatCode, cents, isoDate, optionalIsoDate, optionalText, text } from './common';
import { AREA_CODES, ESITO_ACCESSO_CODES, ISEE_TIPO_CODES, PARENTELA_CODES, PROBLEMATICA_CODES, STATO_CODES } from '../domain/cartella';

const Cittadinanza = z.union([z.literal('ITA'), Belfiore]);

export const PersonFields = z.strictObject({
  cognome: text('Cognome', 80),
  nome: text('Nome', 80),
  /** Empty when unknown (a person just arrived): the core validates and decodes it otherwise. */
  codiceFiscale: optionalText('Codice fiscale', 20),
  sesso: z.enum(['M', 'F'], { error: 'Sesso: scegli M o F.' }).nullable(),
  dataNascita: optionalIsoDate('Data di nascita'),
  luogoNascita: Belfiore.nullable(),
  cittadinanza: Cittadinanza.nullable(),
  cittadinanza2: Cittadinanza.nullable(),
  residenzaComuneIstat: IstatCode.nullable(),
  residenzaIndirizzo: optionalText('Indirizzo di residenza', 160),
  domicilio: optionalText('Domicilio', 160),
  telefono: optionalText('Telefono', 40),
  email: optionalText('Email', 120).refine((s) => s === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s), { error: 'Email non valida.' }),
  titoloStudio: optionalText('Titolo di studio', 80),
  condizioneLavorativa: optionalText('Condizione lavorativa', 80),
  permessoSoggiorno: optionalText('Permesso di soggiorno', 160),
  invalidita: optionalText('Invalidità', 160),
  legge104: z.boolean(),
  tutore: optionalText('Tutore / amministratore di sostegno', 160),
});
export type PersonFieldsData = z.output<typeof PersonFields>;

export const CaseSummary = z.object({
  id: z.string(),
  numero: z.string(),
  area: z.enum(AREA_CODES),
  stato: z.enum(STATO_CODES),
  sedeNome: z.string(),
  responsabile: z.string().nullable(),
  archiviata: z.boolean(),
  /** The user is assigned to it (or holds an emergency access): its content can be opened. */
  accessibile: z.boolean(),
});
export type CaseSummaryData = z.infer<typeof CaseSummary>;

export const PersonSummary = z.object({
  id: z.string(),
  cognome: z.string(),
  nome: z.string(),
  codiceFiscale: z.string().nullable(),
  dataNascita: z.string().nullable(),
  /** For "nato"/"nata" in a result line; null when not recorded. */
  sesso: z.enum(['M', 'F']).nullable(),
  comune: z.string().nullable(),
  indirizzo: z.string(),
  cases: z.array(CaseSummary),
});
export type PersonSummaryData = z.infer<typeof PersonSummary>;

export const Person = PersonFields.extend({
  id: z.string(),
  codiceFiscale: z.string(),
  createdAt: z.string(),
  luogoNascitaNome: z.string().nullable(),
  cittadinanzaNome: z.string().nullable(),
  cittadinanza2Nome: z.string().nullable(),
  residenzaComuneNome: z.string().nullable(),
});
export type PersonData = z.infer<typeof Person>;

export const HouseholdMember = z.object({
  memberId: z.string(),
  personId: z.string(),
  cognome: z.string(),
  nome: z.string(),
  dataNascita: z.string().nullable(),
  parentela: z.enum(PARENTELA_CODES),
  convivente: z.boolean(),
  dal: z.string(),
});

export const Isee = z.object({
  id: z.string(),
  anno: z.number(),
  tipo: z.enum(ISEE_TIPO_CODES),
  iseCents: z.number().nullable(),
  iseeCents: z.number(),
  dsuProtocollo: z.string(),
  dsuData: z.string().nullable(),
  scadenza: z.string(),
  inScadenza: z.boolean(),
  scaduto: z.boolean(),
});

export const Accesso = z.object({
  id: z.string(),
  data: z.string(),
  sedeNome: z.string(),
  inviatoDa: z.string(),
  motivo: z.string(),
  esito: z.enum(ESITO_ACCESSO_CODES),
  note: z.string(),
  operatore: z.string().nullable(),
  caseNumero: z.string().nullable(),
});

export const PersonDetail = z.object({
  person: Person,
  household: z.object({ id: z.string(), members: z.array(HouseholdMember) }).nullable(),
  isee: z.array(Isee),
  accessi: z.array(Accesso),
  cases: z.array(CaseSummary),
  /** Codice fiscale warnings (typed data that contradicts the code); never blocking. */
  warnings: z.array(z.string()),
});
export type PersonDetailData = z.infer<typeof PersonDetail>;

export const PersonCheck = z.object({
  codiceFiscale: z.object({
    valid: z.boolean(),
    message: z.string().nullable(),
    provvisorio: z.boolean(),
    decoded: z.object({ dataNascita: z.string(), sesso: z.enum(['M', 'F']), luogoNascita: z.string(), luogoNascitaNome: z.string().nullable() }).nullable(),
  }),
  warnings: z.array(z.string()),
  duplicateOf: PersonSummary.nullable(),
  similar: z.array(PersonSummary),
  /**
   * For a profile that sees only the people of its cases: a duplicate or similar person exists
   * but is not shown (no name, no code, no case numbers), only this sentence.
   */
  avviso: z.string().nullable(),
});
export type PersonCheckData = z.infer<typeof PersonCheck>;

export const SearchInput = z.strictObject({
  query: z.string().max(100, { error: 'Ricerca: massimo 100 caratteri.' }).default(''),
  comuneIstat: IstatCode.nullable().default(null),
  area: z.enum(AREA_CODES).nullable().default(null),
  stato: z.enum(STATO_CODES).nullable().default(null),
  operatoreId: Id.nullable().default(null),
  limit: z.number().int().min(1).max(100).default(25),
});

export const personsContract = {
  'persons.search': channel(SearchInput, z.object({ results: z.array(PersonSummary), more: z.boolean() }), 'persona.read', { operatoreId: 'user' }),
  'persons.check': channel(
    z.strictObject({
      id: Id.nullable().default(null),
      codiceFiscale: optionalText('Codice fiscale', 20),
      cognome: z.string().max(80).default(''),
      nome: z.string().max(80).default(''),
      dataNascita: optionalIsoDate('Data di nascita').default(null),
      sesso: z.enum(['M', 'F']).nullable().default(null),
      luogoNascita: Belfiore.nullable().default(null),
    }),
    PersonCheck,
    'persona.read',
    { id: 'person:read' },
  ),
  'persons.get': channel(z.strictObject({ id: Id }), PersonDetail, 'persona.read', { id: 'person:read' }),
  'persons.create': channel(PersonFields, PersonDetail, 'persona.write'),
  'persons.update': channel(PersonFields.extend({ id: Id }), PersonDetail, 'persona.write', { id: 'person:write' }),
  'households.addMember': channel(
    z.strictObject({ personId: Id, memberPersonId: Id, parentela: z.enum(PARENTELA_CODES, { error: 'Scegli la parentela.' }), convivente: z.boolean(), dal: isoDate('Dal') }),
    PersonDetail,
    'persona.write',
    { personId: 'person:write', memberPersonId: 'person:write' },
  ),
  'households.updateMember': channel(z.strictObject({ personId: Id, memberId: Id, parentela: z.enum(PARENTELA_CODES), convivente: z.boolean() }), PersonDetail, 'persona.write', {
    personId: 'person:write',
    memberId: 'householdMember:write',
  }),
  'households.removeMember': channel(z.strictObject({ personId: Id, memberId: Id, al: isoDate('Al') }), PersonDetail, 'persona.write', {
    personId: 'person:write',
    memberId: 'householdMember:write',
  }),
  'isee.save': channel(
    z.strictObject({
      id: Id.optional(),
      personId: Id,
      anno: z.number({ error: 'Anno: campo obbligatorio.' }).int().min(2015, { error: 'Anno: dal 2015.' }).max(2100, { error: 'Anno non valido.' }),
      tipo: z.enum(ISEE_TIPO_CODES, { error: 'Scegli il tipo di ISEE.' }),
      iseCents: cents('ISE').nullable(),
      iseeCents: cents('ISEE'),
      dsuProtocollo: optionalText('Protocollo DSU', 40),
      dsuData: optionalIsoDate('Data DSU'),
      scadenza: isoDate('Scadenza'),
    }),
    PersonDetail,
    'persona.write',
    { personId: 'person:write', id: 'isee:write' },
  ),
  'accessi.create': channel(
    z.strictObject({
      personId: Id,
      data: isoDate('Data'),
      sedeId: Id,
      inviatoDa: optionalText('Inviato da', 120),
      motivo: text('Motivo', 500),
      esito: z.enum(ESITO_ACCESSO_CODES, { error: 'Scegli l’esito.' }),
      note: optionalText('Note', 2000),
    }),
    PersonDetail,
    'persona.write',
    { personId: 'person:write', sedeId: 'sede' },
  ),
  'accessi.toCase': channel(
    z.strictObject({
      accessoId: Id,
      sedeId: Id,
      area: z.enum(AREA_CODES, { error: 'Scegli l’area di utenza.' }),
      problematiche: z.array(z.enum(PROBLEMATICA_CODES)).max(PROBLEMATICA_CODES.length),
    }),
    z.object({ caseId: z.string(), numero: z.string() }),
    'case.open_close',
    { accessoId: 'accesso:write', sedeId: 'sede' },
  ),
  'dueItems.list': channel(
    z.strictObject({}),
    z.array(
      z.object({
        kind: z.enum(['pai_revisione', 'isee_scadenza']),
        data: z.string(),
        scaduto: z.boolean(),
        personId: z.string(),
        personName: z.string(),
        caseId: z.string().nullable(),
        caseNumero: z.string().nullable(),
        label: z.string(),
      }),
    ),
    'session',
  ),
};

export const personsFeature = defineFeature('persons', { prefixes: ['persons', 'households', 'isee', 'accessi', 'dueItems'], channels: personsContract });
