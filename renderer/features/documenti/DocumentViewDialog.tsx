import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { useEffect, useId, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocked } from '../../components/lock-context';
import { PdfPages } from './PdfPages';
import { printPdf } from './print-pdf';
import { downloadDocument, savePdf, type PdfFile } from './store';

/** A filed document (or the reprint just made), as it was printed: read through the core, audited. */
export function DocumentViewDialog({ id, title, preloaded, onClose }: { id: string; title: string; preloaded?: PdfFile; onClose: () => void }) {
  const titleId = useId();
  const locked = useLocked();
  const [file, setFile] = useState<PdfFile | null>(preloaded ?? null);
  const [error, setError] = useState<ShownError | null>(null);
  const [printing, setPrinting] = useState(false);
  useEffect(() => {
    if (preloaded) return;
    let current = true;
    downloadDocument(id).then(
      (f) => current && setFile(f),
      (e: unknown) => current && setError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [id, preloaded]);
  const print = async () => {
    if (!file) return;
    setPrinting(true);
    try {
      await printPdf(file.bytes);
    } catch (e) {
      setError(toShownError(e));
    } finally {
      setPrinting(false);
    }
  };
  return (
    <Dialog open={!locked} onClose={onClose} aria-labelledby={titleId} maxWidth="md" fullWidth>
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent tabIndex={0} role="region" aria-label={`Pagine di ${title}`}>
        <ErrorAlert error={error} sx={{ mt: 0 }} />
        {file ? <PdfPages data={file.bytes} label={title} /> : error ? null : <CircularProgress aria-label="Apertura del documento" />}
      </DialogContent>
      <DialogActions sx={{ px: 3, pb: 2 }}>
        <Button onClick={() => file && savePdf(file)} disabled={!file}>
          Scarica
        </Button>
        <Button onClick={() => void print()} disabled={!file} loading={printing}>
          Stampa
        </Button>
        <Button variant="contained" onClick={onClose}>
          Chiudi
        </Button>
      </DialogActions>
    </Dialog>
  );
}
