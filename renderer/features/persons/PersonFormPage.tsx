import Alert from '@mui/material/Alert';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { EMPTY_PERSON, formFromPerson } from './person-form';
import { PersonForm } from './PersonForm';
import { loadPerson, selectDetail, selectError, usePersonsStore } from './store';

export function NewPersonPage() {
  return (
    <>
      <PageTitle subtitle="Scrivi il codice fiscale per primo: data, sesso e luogo di nascita si compilano da soli.">Nuova persona</PageTitle>
      <PersonForm initial={EMPTY_PERSON} personId={null} />
    </>
  );
}

export function EditPersonPage({ id }: { id: string }) {
  const detail = usePersonsStore(selectDetail);
  const error = usePersonsStore(selectError);
  useEffect(() => {
    void loadPerson(id);
  }, [id]);
  const person = detail?.person.id === id ? detail.person : null;
  return (
    <>
      <PageTitle documentTitle="Modifica persona">{person ? `Modifica: ${person.cognome} ${person.nome}` : 'Modifica persona'}</PageTitle>
      <ErrorAlert error={error} />
      {!person && !error ? <CircularProgress aria-label="Caricamento della persona" /> : null}
      {person ? (
        <>
          {detail && detail.warnings.length > 0 ? (
            <Alert severity="warning" sx={{ mb: 2 }}>
              {detail.warnings.join(' ')}
            </Alert>
          ) : null}
          <PersonForm key={person.id} initial={formFromPerson(person)} personId={person.id} />
        </>
      ) : null}
    </>
  );
}
