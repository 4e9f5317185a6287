import Alert from '@mui/material/Alert';
import { useEffect } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { ConflictCard } from './ConflictCard';
import { conflicts } from './store';

/**
 * #/conflitti: the same field changed at two sedi before they synced. The latest version is in
 * use everywhere; the other is kept here until someone who may edit the record decides. The
 * decision is an ordinary change: it syncs, and closes the conflict at every sede.
 */
export function ConflictsPage() {
  const { data, error } = conflicts.useStore();
  useEffect(() => {
    void conflicts.load('conflitti');
  }, []);
  const list = data?.conflicts ?? [];
  return (
    <>
      <PageTitle subtitle="Dati modificati nello stesso momento in due sedi. Nessuna versione è persa: scegli quale tenere oppure unisci i testi. La scelta vale per tutte le sedi.">
        Conflitti
      </PageTitle>
      <ErrorAlert error={error} />
      {data && list.length === 0 ? <Alert severity="success">Nessun conflitto da risolvere.</Alert> : null}
      {list.length > 0 ? (
        <Alert severity="warning" sx={{ mb: 2 }} role="status">
          {list.length === 1 ? '1 conflitto da risolvere.' : `${list.length} conflitti da risolvere.`}
        </Alert>
      ) : null}
      {list.map((c) => (
        <ConflictCard key={c.id} conflict={c} />
      ))}
    </>
  );
}
