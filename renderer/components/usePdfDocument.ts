import { useEffect, useState } from 'react';
import { openPdf, type PdfDocument } from './pdf-render';

/**
 * A PDF opened by pdf.js for as long as the component shows `data`, destroyed when it goes or
 * changes. `failed` is true when pdf.js could not read these bytes (the file stays downloadable).
 */
export function usePdfDocument(data: Uint8Array<ArrayBuffer>): { doc: PdfDocument | null; failed: boolean } {
  const [doc, setDoc] = useState<PdfDocument | null>(null);
  const [failedOn, setFailedOn] = useState<Uint8Array | null>(null);

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | null = null;
    // pdf.js takes ownership of the buffer it is given: hand it a copy.
    openPdf(data.slice())
      .then((task) => {
        destroy = () => task.destroy();
        return task.promise;
      })
      .then(
        (d) => {
          if (!cancelled) setDoc(d);
        },
        () => {
          if (!cancelled) setFailedOn(data);
        },
      );
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [data]);

  return { doc, failed: failedOn === data };
}
