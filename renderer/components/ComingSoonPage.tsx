import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { PageTitle } from './PageTitle';

/**
 * A section whose features come in later releases: it says what it will hold, nothing more.
 * `refusal` is set when the user's profile will not have access to it.
 */
export function ComingSoonPage({ title, lead, bullets, refusal }: { title: string; lead: string; bullets: string[]; refusal: string | null }) {
  return (
    <>
      <PageTitle>{title}</PageTitle>
      {refusal ? (
        <Alert severity="info" sx={{ mb: 3 }}>
          {refusal}
        </Alert>
      ) : null}
      <Paper variant="outlined" component="section" aria-labelledby="in-preparazione" sx={{ p: 3 }}>
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
          <Typography variant="h2" id="in-preparazione">
            Che cosa conterrà
          </Typography>
          <Chip label="In preparazione" color="warning" variant="outlined" />
        </Box>
        <Typography sx={{ mb: 1 }}>{lead}</Typography>
        <Box component="ul" sx={{ pl: 3, m: 0, '& li': { mb: 1 } }}>
          {bullets.map((b) => (
            <li key={b}>
              <Typography>{b}</Typography>
            </li>
          ))}
        </Box>
      </Paper>
    </>
  );
}
