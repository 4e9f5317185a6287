import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';

/** Screens before the main layout (login, lock, recovery): one centred card in a <main>. */
export function AuthLayout({ title, children, width = 440 }: { title: string; children: ReactNode; width?: number }) {
  useEffect(() => {
    document.title = `${title} – Ufficio della Cittadinanza`;
  }, [title]);
  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default', display: 'flex', flexDirection: 'column' }}>
      <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', px: 3, py: 1.5 }}>
        <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
          Ufficio della Cittadinanza
        </Typography>
      </Box>
      <Box component="main" id="contenuto" sx={{ flex: 1, display: 'flex', alignItems: 'flex-start', justifyContent: 'center', p: 3 }}>
        <Paper variant="outlined" sx={{ width: '100%', maxWidth: width, p: { xs: 3, sm: 4 }, mt: { xs: 2, sm: 6 } }}>
          <Typography variant="h1" sx={{ fontSize: '1.75rem', mb: 2 }}>
            {title}
          </Typography>
          {children}
        </Paper>
      </Box>
    </Box>
  );
}
