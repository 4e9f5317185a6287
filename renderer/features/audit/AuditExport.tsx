import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { exportLog } from './store';

/** Export of what the applied filters show, as CSV or XLSX; the core logs the export. */
export function AuditExport() {
  const [busy, setBusy] = useState<'csv' | 'xlsx' | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);

  const run = async (formato: 'csv' | 'xlsx') => {
    setBusy(formato);
    setDone(null);
    setError(null);
    try {
      const { nome, righe } = await exportLog(formato);
      setDone(`Esportate ${righe.toLocaleString('it-IT')} registrazioni nel file ${nome}.`);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <Button variant="outlined" startIcon={<FileDownloadOutlined />} loading={busy === 'csv'} disabled={busy !== null} onClick={() => void run('csv')}>
        Esporta CSV
      </Button>
      <Button variant="outlined" startIcon={<FileDownloadOutlined />} loading={busy === 'xlsx'} disabled={busy !== null} onClick={() => void run('xlsx')}>
        Esporta XLSX
      </Button>
      <Box sx={{ flexBasis: '100%' }} aria-live="polite">
        {done ? <Alert severity="success">{done}</Alert> : null}
        <ErrorAlert error={error} />
      </Box>
    </>
  );
}
