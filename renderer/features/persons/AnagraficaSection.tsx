import type { PersonData } from '../../../shared/contracts/persons';
import { formatDate } from '../../i18n/format';
import { Section } from '../../components/Section';
import { Facts } from './Facts';

function citizenship(p: PersonData): string {
  return [p.cittadinanzaNome ?? p.cittadinanza, p.cittadinanza2Nome ?? p.cittadinanza2].filter(Boolean).join(', ');
}

export function AnagraficaSection({ person }: { person: PersonData }) {
  const p = person;
  return (
    <Section id="sezione-anagrafica" title="Anagrafica">
      <Facts
        items={[
          ['Codice fiscale', p.codiceFiscale || 'non indicato'],
          ['Sesso', p.sesso === 'M' ? 'Maschile' : p.sesso === 'F' ? 'Femminile' : ''],
          ['Data di nascita', p.dataNascita ? formatDate(p.dataNascita) : ''],
          ['Luogo di nascita', p.luogoNascitaNome ?? p.luogoNascita ?? ''],
          ['Cittadinanza', citizenship(p)],
          ['Comune di residenza', p.residenzaComuneNome ?? ''],
          ['Indirizzo di residenza', p.residenzaIndirizzo],
          ['Domicilio', p.domicilio],
          ['Telefono', p.telefono],
          ['Email', p.email],
          ['Titolo di studio', p.titoloStudio],
          ['Condizione lavorativa', p.condizioneLavorativa],
          ['Permesso di soggiorno', p.permessoSoggiorno],
          ['Invalidità', p.invalidita],
          ['L. 104/92', p.legge104 ? 'Sì' : 'No'],
          ['Tutore / amm. di sostegno', p.tutore],
        ]}
      />
    </Section>
  );
}
