import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Alert from '@mui/material/Alert';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useRef, useState } from 'react';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLocked } from '../../components/lock-context';
import { downloadBytes } from '../../api/file-data';
import { PdfViewer } from './PdfViewer';
import { readAttachment, type AttachmentContent } from './store';

type Content = AttachmentContent;

/** An image through a Blob URL set on the element, revoked when the preview closes. */
function ImagePreview({ bytes, mime, name }: { bytes: Uint8Array<ArrayBuffer>; mime: string; name: string }) {
  const imgRef = useRef<HTMLImageElement>(null);
  useEffect(() => {
    const img = imgRef.current;
    if (!img) return;
    const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
    img.src = url;
    return () => {
      img.removeAttribute('src');
      URL.revokeObjectURL(url);
    };
  }, [bytes, mime]);
  return (
    <Box sx={{ textAlign: 'center', bgcolor: '#525659', p: 1 }}>
      <img ref={imgRef} alt={name} style={{ maxWidth: '100%', height: 'auto', background: '#fff' }} />
    </Box>
  );
}

/** Opens an attachment (the read is audited by the core) and shows PDF, images and text. */
export function PreviewDialog({ attachmentId, name, onClose }: { attachmentId: string; name: string; onClose: () => void }) {
  const titleId = useId();
  const locked = useLocked();
  const [content, setContent] = useState<Content | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  useEffect(() => {
    let current = true;
    readAttachment(attachmentId).then(
      (c) => current && setContent(c),
      (e: unknown) => current && setError(toShownError(e)),
    );
    return () => {
      current = false;
    };
  }, [attachmentId]);
  const bytes = content?.bytes ?? null;

  let body = null;
  if (content && bytes) {
    if (content.tipo === 'pdf') body = <PdfViewer data={bytes} name={content.nome} />;
    else if (content.tipo === 'png' || content.tipo === 'jpeg') body = <ImagePreview bytes={bytes} mime={content.mime} name={content.nome} />;
    else if (content.tipo === 'txt')
      body = (
        <Box component="pre" sx={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', fontFamily: 'monospace', bgcolor: 'background.default', p: 2, m: 0 }}>
          {new TextDecoder().decode(bytes)}
        </Box>
      );
    else body = <Typography>L’anteprima non è disponibile per questo tipo di documento: usa «Scarica» per aprirlo.</Typography>;
  }

  return (
    <Dialog open={!locked} onClose={onClose} aria-labelledby={titleId} maxWidth="lg" fullWidth>
      <DialogTitle id={titleId}>Anteprima: {name}</DialogTitle>
      {/* The content may scroll (a long page, a tall image): keyboard users reach it too. */}
      <DialogContent tabIndex={0} role="region" aria-label={`Contenuto di ${name}`}>
        <ErrorAlert error={error} />
        {!content && !error ? <CircularProgress aria-label="Apertura dell’allegato" /> : null}
        {content?.avviso ? (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {content.avviso}
          </Alert>
        ) : null}
        {body}
      </DialogContent>
      <DialogActions>
        <Button disabled={!content || !bytes} onClick={() => content && bytes && downloadBytes(bytes, content.mime, content.nome)}>
          Scarica
        </Button>
        <Button variant="contained" onClick={onClose}>
          Chiudi
        </Button>
      </DialogActions>
    </Dialog>
  );
}
