import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useState, type ReactNode } from 'react';
import type { ZoneData } from '../../../shared/contracts/zone';
import type { ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ComuniSection } from './ComuniSection';
import { SediSection } from './SediSection';
import { loadZoneSettings, selectZone, useZoneStore } from './store';
import { ZoneSettingsForm } from './ZoneSettingsForm';

/** `more`: sections of other features about the zone (the agenda's hours and patrons), shown after the zone's own. */
export function ZoneTab({ more }: { more: (zone: ZoneData) => ReactNode }) {
  const zone = useZoneStore(selectZone);
  const [error, setError] = useState<ShownError | null>(null);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    let live = true;
    void loadZoneSettings().then((e) => {
      if (!live) return;
      setError(e);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, []);

  if (error) return <ErrorAlert error={error} />;
  if (!loaded || !zone) return <CircularProgress aria-label="Caricamento dei dati della zona" />;
  return (
    <>
      <ZoneSettingsForm zone={zone} />
      <ComuniSection zone={zone} />
      <SediSection zone={zone} />
      {more(zone)}
    </>
  );
}
