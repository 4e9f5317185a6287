import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useEffect, useRef, useState } from 'react';
import type { PdfDocument } from '../../components/pdf-render';
import { usePdfDocument } from '../../components/usePdfDocument';

/**
 * One page of the PDF on its own canvas at the width of the frame, sized at once and drawn when
 * it comes near the visible part of the frame: a batch of a hundred letters opens as fast as one.
 */
function PdfPage({ doc, number, total, width, label }: { doc: PdfDocument; number: number; total: number; width: number; label: string }) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  const [near, setNear] = useState(number <= 2);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (near || !canvas) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          observer.disconnect();
        }
      },
      { rootMargin: '800px 0px' },
    );
    observer.observe(canvas);
    return () => observer.disconnect();
  }, [near]);
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width <= 0) return;
    let cancel: (() => void) | null = null;
    let stopped = false;
    doc
      .getPage(number)
      .then((p) => {
        if (stopped) return;
        const natural = p.getViewport({ scale: 1 });
        const ratio = window.devicePixelRatio || 1;
        const scale = Math.min(2.5, width / natural.width);
        const viewport = p.getViewport({ scale: scale * ratio });
        canvas.width = Math.floor(viewport.width);
        canvas.height = Math.floor(viewport.height);
        canvas.style.width = `${Math.floor(viewport.width / ratio)}px`;
        canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
        if (!near) return;
        const task = p.render({ canvas, viewport });
        cancel = () => task.cancel();
        return task.promise;
      })
      .catch((e: unknown) => {
        if (!stopped && !(e instanceof Error && e.name === 'RenderingCancelledException')) setFailed(true);
      });
    return () => {
      stopped = true;
      cancel?.();
    };
  }, [doc, number, width, near]);
  if (failed) return <Alert severity="warning">La pagina {number} non si può mostrare.</Alert>;
  return (
    <canvas
      ref={canvasRef}
      role="img"
      aria-label={`${label}, pagina ${number} di ${total}`}
      data-pagina={number}
      style={{ background: '#fff', display: 'block', margin: '0 auto 12px', boxShadow: '0 1px 4px rgba(0,0,0,.5)' }}
    />
  );
}

/**
 * Every page of the PDF the core produced, one under the other, drawn by pdf.js: what is shown
 * is the file that will be printed or filed, not an approximation of it. `maxWidth` bounds the
 * page's width on screen (an A4 page is 595 pt wide).
 */
export function PdfPages({ data, label, maxWidth = 760 }: { data: Uint8Array<ArrayBuffer>; label: string; maxWidth?: number }) {
  const boxRef = useRef<HTMLDivElement>(null);
  const { doc, failed } = usePdfDocument(data);
  const [width, setWidth] = useState(0);

  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const measure = () => setWidth(Math.min(maxWidth, Math.max(280, box.clientWidth - 24)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, [maxWidth]);

  if (failed) return <Alert severity="warning">L’anteprima non si può mostrare: il PDF resta comunque scaricabile.</Alert>;
  const total = doc?.numPages ?? 0;
  return (
    <Box ref={boxRef} sx={{ bgcolor: '#525659', p: 1.5, minHeight: 200 }} aria-busy={!doc} data-pagine={total || undefined}>
      {doc ? (
        Array.from({ length: total }, (_v, i) => <PdfPage key={`${i + 1}`} doc={doc} number={i + 1} total={total} width={width} label={label} />)
      ) : (
        <CircularProgress aria-label="Preparazione dell’anteprima" sx={{ color: '#fff' }} />
      )}
    </Box>
  );
}
