import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { usePdfDocument } from '../../components/usePdfDocument';

/** One page at a time of a PDF, drawn by pdf.js on a canvas sized to the dialog. */
export function PdfViewer({ data, name }: { data: Uint8Array<ArrayBuffer>; name: string }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { doc, failed: unreadable } = usePdfDocument(data);
  const [page, setPage] = useState(1);
  const [pageFailed, setPageFailed] = useState(false);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!doc || !canvas) return;
    let cancel: (() => void) | null = null;
    let stopped = false;
    doc
      .getPage(page)
      .then((p) => {
        if (stopped) return;
        // The dark frame has 8 px of padding on each side.
        const width = Math.max(320, (boxRef.current?.clientWidth ?? 800) - 18);
        const natural = p.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const scale = Math.min(2.5, width / natural.width);
        const viewport = p.getViewport({ scale: scale * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const task = p.render({ canvas, viewport });
        cancel = () => task.cancel();
        return task.promise;
      })
      .catch((e: unknown) => {
        if (!stopped && !(e instanceof Error && e.name === 'RenderingCancelledException')) setPageFailed(true);
      });
    return () => {
      stopped = true;
      cancel?.();
    };
  }, [doc, page]);

  if (unreadable || pageFailed) return <Alert severity="warning">Il PDF non si può mostrare in anteprima: usa «Scarica» per aprirlo con un altro programma.</Alert>;
  const pages = doc?.numPages ?? 0;
  return (
    <Box ref={boxRef}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Button variant="outlined" size="small" disabled={page <= 1} onClick={() => setPage((n) => n - 1)}>
          Pagina precedente
        </Button>
        <Typography aria-live="polite">{doc ? `Pagina ${page} di ${pages}` : 'Apertura del PDF…'}</Typography>
        <Button variant="outlined" size="small" disabled={!doc || page >= pages} onClick={() => setPage((n) => n + 1)}>
          Pagina successiva
        </Button>
      </Box>
      {doc ? null : <CircularProgress aria-label="Apertura del PDF" />}
      <Box sx={{ bgcolor: '#525659', p: 1, textAlign: 'center' }}>
        <canvas ref={canvasRef} role="img" aria-label={`${name}, pagina ${page}`} style={{ background: '#fff', display: doc ? 'inline-block' : 'none', verticalAlign: 'top' }} />
      </Box>
    </Box>
  );
}
