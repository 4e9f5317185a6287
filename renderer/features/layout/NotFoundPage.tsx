import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import { PageTitle } from '../../components/PageTitle';
import { href } from '../../router/hash-router';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Pagina non trovata</PageTitle>
      <Typography>
        L&apos;indirizzo aperto non corrisponde a nessuna sezione del programma. <Link href={href('/')}>Torna alla pagina iniziale</Link>.
      </Typography>
    </>
  );
}
