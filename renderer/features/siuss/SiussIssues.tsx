import Alert from '@mui/material/Alert';
import Link from '@mui/material/Link';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import Typography from '@mui/material/Typography';
import { conteggio } from '../../../shared/domain/italian';
import { href } from '../../router/hash-router';
import { casePath } from '../cases';
import type { SiussCheck } from './store';

/** Each erogazione kept out of the file, what to fix, and a link to its case file's interventions. */
export function SiussIssues({ errori }: { errori: SiussCheck['errori'] }) {
  if (errori.length === 0) return null;
  return (
    <Alert severity="error" sx={{ mb: 2 }} aria-labelledby="siuss-errori-titolo">
      <Typography id="siuss-errori-titolo" component="h2" sx={{ fontWeight: 600, mb: 1 }}>
        {conteggio(errori.length, 'erogazione da correggere', 'erogazioni da correggere')} prima di esportare
      </Typography>
      <List dense disablePadding aria-label="Erogazioni da correggere">
        {errori.map((e) => (
          <ListItem key={e.deliveryId} disableGutters sx={{ display: 'block' }} data-testid="siuss-errore">
            <Link href={href(casePath(e.caseId, 'interventi'))}>{e.dove}</Link>
            <Typography component="ul" variant="body2" sx={{ m: 0, pl: 3 }}>
              {e.problemi.map((p) => (
                <li key={p.campo}>{p.messaggio}</li>
              ))}
            </Typography>
          </ListItem>
        ))}
      </List>
    </Alert>
  );
}
