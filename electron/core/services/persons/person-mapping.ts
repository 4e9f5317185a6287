import type { PersonData, PersonFieldsData, PersonSummaryData, CaseSummaryData } from '../../../../shared/contracts/persons';
import type { Area } from '../../../../shared/domain/cartella';
import type { PersonRow } from '../../db/repositories/persons.repo';
import type { CaseSummaryRow } from '../../db/repositories/cases.repo';
import type { RowValues } from '../../db/schema';
import type { PlaceNames } from './place-names';

export function toPersonData(r: PersonRow, places: PlaceNames, comuneName: (istat: string) => string | null): PersonData {
  return {
    id: r.id,
    cognome: r.cognome,
    nome: r.nome,
    codiceFiscale: r.codice_fiscale ?? '',
    sesso: r.sesso,
    dataNascita: r.data_nascita,
    luogoNascita: r.luogo_nascita,
    cittadinanza: r.cittadinanza,
    cittadinanza2: r.cittadinanza2,
    residenzaComuneIstat: r.residenza_comune_istat,
    residenzaIndirizzo: r.residenza_indirizzo,
    domicilio: r.domicilio,
    telefono: r.telefono,
    email: r.email,
    titoloStudio: r.titolo_studio,
    condizioneLavorativa: r.condizione_lavorativa,
    permessoSoggiorno: r.permesso_soggiorno,
    invalidita: r.invalidita,
    legge104: r.legge_104 === 1,
    tutore: r.tutore,
    createdAt: r.created_at,
    luogoNascitaNome: r.luogo_nascita ? places.byBelfiore(r.luogo_nascita) : null,
    cittadinanzaNome: citizenshipName(r.cittadinanza, places),
    cittadinanza2Nome: citizenshipName(r.cittadinanza2, places),
    residenzaComuneNome: r.residenza_comune_istat ? comuneName(r.residenza_comune_istat) : null,
  };
}

function citizenshipName(code: string | null, places: PlaceNames): string | null {
  if (!code) return null;
  return code === 'ITA' ? 'Italia' : places.byBelfiore(code);
}

export function personColumns(f: PersonFieldsData, cf: string | null, cfRoot: string | null): RowValues<'persons'> {
  return {
    cognome: f.cognome,
    nome: f.nome,
    codice_fiscale: cf,
    cf_root: cfRoot,
    sesso: f.sesso,
    data_nascita: f.dataNascita,
    luogo_nascita: f.luogoNascita,
    cittadinanza: f.cittadinanza,
    cittadinanza2: f.cittadinanza2,
    residenza_comune_istat: f.residenzaComuneIstat,
    residenza_indirizzo: f.residenzaIndirizzo,
    domicilio: f.domicilio,
    telefono: f.telefono,
    email: f.email,
    titolo_studio: f.titoloStudio,
    condizione_lavorativa: f.condizioneLavorativa,
    permesso_soggiorno: f.permessoSoggiorno,
    invalidita: f.invalidita,
    legge_104: f.legge104 ? 1 : 0,
    tutore: f.tutore,
  };
}

export function toCaseSummary(r: CaseSummaryRow): CaseSummaryData {
  return {
    id: r.id,
    numero: r.numero,
    area: r.area as Area,
    stato: r.stato,
    sedeNome: r.sede_nome,
    responsabile: r.responsabile,
    archiviata: r.archiviata === 1,
    accessibile: r.assigned === 1 || r.emergency === 1,
  };
}

export function toPersonSummary(r: PersonRow, cases: CaseSummaryRow[], comuneName: (istat: string) => string | null): PersonSummaryData {
  return {
    id: r.id,
    cognome: r.cognome,
    nome: r.nome,
    codiceFiscale: r.codice_fiscale,
    dataNascita: r.data_nascita,
    sesso: r.sesso,
    comune: r.residenza_comune_istat ? comuneName(r.residenza_comune_istat) : null,
    indirizzo: r.residenza_indirizzo,
    cases: cases.filter((c) => c.person_id === r.id).map(toCaseSummary),
  };
}

export function fullName(r: { cognome: string; nome: string }): string {
  return `${r.cognome} ${r.nome}`;
}
