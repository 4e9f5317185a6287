import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState } from 'react';
import type { OutputOf } from '../../../shared/contracts';
import type { ZoneData } from '../../../shared/contracts/zone';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PatronsSection } from './PatronsSection';
import { SedeHoursSection } from './SedeHoursSection';
import { loadAgendaBasics, loadAgendaSettings } from './store';

/** Impostazioni → Zona: the sedi's opening hours and the comuni's patron days, for the agenda. */
export function AgendaSettings({ zone }: { zone: ZoneData }) {
  const [settings, setSettings] = useState<OutputOf<'agenda.settings'> | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    loadAgendaSettings()
      .then(setSettings)
      .catch((e: unknown) => setError(toShownError(e)));
  }, []);
  if (error) return <ErrorAlert error={error} />;
  if (!settings) return <CircularProgress aria-label="Caricamento degli orari e dei patroni" />;
  return (
    <>
      <SedeHoursSection
        sedi={zone.sedi}
        orari={settings.orari}
        onSaved={(orari) => {
          setSettings({ ...settings, orari });
          void loadAgendaBasics();
        }}
      />
      <PatronsSection patroni={settings.patroni} onSaved={(patroni) => setSettings({ ...settings, patroni })} />
    </>
  );
}
