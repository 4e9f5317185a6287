import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { ReactNode } from 'react';
import { AuthLayout } from './AuthLayout';

/** For states where nothing else can be done: no token, lost connection, core cannot start. */
export function FullPageMessage({ title, children, severity = 'error', retry }: { title: string; children: ReactNode; severity?: 'error' | 'warning' | 'info'; retry?: boolean }) {
  return (
    <AuthLayout title={title} width={560}>
      <Alert severity={severity} sx={{ mb: 2 }}>
        {children}
      </Alert>
      {retry ? (
        <Box sx={{ display: 'flex', justifyContent: 'flex-end' }}>
          <Button variant="contained" onClick={() => location.reload()}>
            Riprova
          </Button>
        </Box>
      ) : null}
    </AuthLayout>
  );
}
