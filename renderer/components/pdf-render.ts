import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/**
 * pdf.js, loaded only when a PDF is previewed. The worker comes from the bundle (same origin:
 * allowed by `script-src 'self'`); no eval (isEvalSupported false) and no WebAssembly, which
 * the CSP does not allow either. Pages are rendered through the core API only, with no
 * scripting manager: a document's JavaScript and its automatic actions never run here.
 */
export async function openPdf(data: Uint8Array<ArrayBuffer>) {
  const pdfjs = await import('pdfjs-dist');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const task = pdfjs.getDocument({ data, isEvalSupported: false, useWasm: false, enableXfa: false, stopAtErrors: false });
  return task;
}

export type PdfLoadingTask = Awaited<ReturnType<typeof openPdf>>;
export type PdfDocument = Awaited<PdfLoadingTask['promise']>;
