import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';

export function StartingScreen() {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center', gap: 2 }}>
      <Typography variant="h1" sx={{ fontSize: '1.5rem' }}>
        Ufficio della Cittadinanza
      </Typography>
      <CircularProgress aria-label="Avvio in corso" />
      <Typography>Avvio in corso…</Typography>
    </Box>
  );
}
