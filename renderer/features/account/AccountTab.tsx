import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import { PLACES_ATTRIBUTION } from '../../../shared/domain/data-sources';
import { sedeName, selectZone, useZoneStore } from '../zone';
import { ChangePasswordForm } from './ChangePasswordForm';

export function AccountTab({ session }: { session: SessionInfoData }) {
  const zone = useZoneStore(selectZone);
  const { user } = session;
  return (
    <>
      <Paper variant="outlined" component="section" aria-labelledby="account-dati" sx={{ p: 3, mb: 3 }}>
        <Typography variant="h2" id="account-dati" sx={{ mb: 2 }}>
          I tuoi dati
        </Typography>
        <Typography component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 3, rowGap: 1, m: 0, '& dt': { fontWeight: 600 }, '& dd': { m: 0 } }}>
          <dt>Nome e cognome</dt>
          <dd>{user.fullName}</dd>
          <dt>Nome utente</dt>
          <dd>{user.username}</dd>
          <dt>Profilo</dt>
          <dd>{PROFILE_LABELS[user.profile]}</dd>
          <dt>Sede</dt>
          <dd>{user.sedeId ? sedeName(zone, user.sedeId) : 'Nessuna sede assegnata'}</dd>
          <dt>Postazione</dt>
          <dd>{session.workstation}</dd>
        </Typography>
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="account-password" sx={{ p: 3, maxWidth: 560 }}>
        <Typography variant="h2" id="account-password">
          Cambia la tua password
        </Typography>
        <ChangePasswordForm askCurrent />
      </Paper>
      <Paper variant="outlined" component="section" aria-labelledby="account-info" sx={{ p: 3, mt: 3 }}>
        <Typography variant="h2" id="account-info" sx={{ mb: 1 }}>
          Fonti dei dati
        </Typography>
        <Typography>{PLACES_ATTRIBUTION}</Typography>
      </Paper>
    </>
  );
}
