import type { PersonData, PersonFieldsData } from '../../../shared/contracts/persons';
import { placeValue, type PlaceValue } from './PlaceField';

/** The person form as typed: strings and chosen places, turned into PersonFields on save. */
export interface PersonFormState {
  cognome: string;
  nome: string;
  codiceFiscale: string;
  sesso: '' | 'M' | 'F';
  dataNascita: string;
  luogoNascita: PlaceValue | null;
  cittadinanza: PlaceValue | null;
  cittadinanza2: PlaceValue | null;
  residenzaComune: PlaceValue | null;
  residenzaIndirizzo: string;
  domicilio: string;
  telefono: string;
  email: string;
  titoloStudio: string;
  condizioneLavorativa: string;
  permessoSoggiorno: string;
  invalidita: string;
  legge104: boolean;
  tutore: string;
}

/** The three fields a codice fiscale can propose. */
export type CfField = 'dataNascita' | 'sesso' | 'luogoNascita';

export const EMPTY_PERSON: PersonFormState = {
  cognome: '',
  nome: '',
  codiceFiscale: '',
  sesso: '',
  dataNascita: '',
  luogoNascita: null,
  cittadinanza: null,
  cittadinanza2: null,
  residenzaComune: null,
  residenzaIndirizzo: '',
  domicilio: '',
  telefono: '',
  email: '',
  titoloStudio: '',
  condizioneLavorativa: '',
  permessoSoggiorno: '',
  invalidita: '',
  legge104: false,
  tutore: '',
};

export function formFromPerson(p: PersonData): PersonFormState {
  return {
    cognome: p.cognome,
    nome: p.nome,
    codiceFiscale: p.codiceFiscale,
    sesso: p.sesso ?? '',
    dataNascita: p.dataNascita ?? '',
    luogoNascita: placeValue(p.luogoNascita, p.luogoNascitaNome, 'nascita'),
    cittadinanza: placeValue(p.cittadinanza, p.cittadinanzaNome, 'cittadinanza'),
    cittadinanza2: placeValue(p.cittadinanza2, p.cittadinanza2Nome, 'cittadinanza'),
    residenzaComune: placeValue(p.residenzaComuneIstat, p.residenzaComuneNome, 'residenza'),
    residenzaIndirizzo: p.residenzaIndirizzo,
    domicilio: p.domicilio,
    telefono: p.telefono,
    email: p.email,
    titoloStudio: p.titoloStudio,
    condizioneLavorativa: p.condizioneLavorativa,
    permessoSoggiorno: p.permessoSoggiorno,
    invalidita: p.invalidita,
    legge104: p.legge104,
    tutore: p.tutore,
  };
}

export function fieldsFromForm(f: PersonFormState): PersonFieldsData {
  return {
    cognome: f.cognome,
    nome: f.nome,
    codiceFiscale: f.codiceFiscale.replace(/\s+/g, '').toUpperCase(),
    sesso: f.sesso === '' ? null : f.sesso,
    dataNascita: f.dataNascita === '' ? null : f.dataNascita,
    luogoNascita: f.luogoNascita?.code ?? null,
    cittadinanza: f.cittadinanza?.code ?? null,
    cittadinanza2: f.cittadinanza2?.code ?? null,
    residenzaComuneIstat: f.residenzaComune?.code ?? null,
    residenzaIndirizzo: f.residenzaIndirizzo,
    domicilio: f.domicilio,
    telefono: f.telefono,
    email: f.email,
    titoloStudio: f.titoloStudio,
    condizioneLavorativa: f.condizioneLavorativa,
    permessoSoggiorno: f.permessoSoggiorno,
    invalidita: f.invalidita,
    legge104: f.legge104,
    tutore: f.tutore,
  };
}
