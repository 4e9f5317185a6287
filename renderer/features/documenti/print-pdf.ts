import { openPdf } from '../../components/pdf-render';

/** 200 dpi: sharp text on an office laser printer, a few MB of images for a letter. */
const PRINT_SCALE = 200 / 72;

const PRINT_CSS = `
@page { size: A4; margin: 0; }
@media screen { #stampa-documento { display: none; } }
@media print {
  body > *:not(#stampa-documento) { display: none !important; }
  #stampa-documento { display: block; }
  #stampa-documento img { display: block; width: 210mm; height: 297mm; page-break-after: always; break-after: page; }
  #stampa-documento img:last-child { page-break-after: auto; break-after: auto; }
}
`;

/**
 * Prints the PDF the core produced through the window's own print dialog: each page is drawn by
 * pdf.js at 200 dpi and laid on its own A4 sheet with no margins, so the sheet that comes out is
 * the PDF's page (the window envelope's address block where the PDF put it). The page images live
 * only while the dialog is open; the CSP allows no frame that could show the PDF itself.
 */
export async function printPdf(data: Uint8Array<ArrayBuffer>): Promise<void> {
  const task = await openPdf(data.slice());
  const doc = await task.promise;
  const images: string[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale: PRINT_SCALE });
      const canvas = document.createElement('canvas');
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
      const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
      if (!blob) throw new Error('pagina non disegnata');
      images.push(URL.createObjectURL(blob));
    }
  } finally {
    await task.destroy();
  }
  const style = document.createElement('style');
  style.textContent = PRINT_CSS;
  const sheet = document.createElement('div');
  sheet.id = 'stampa-documento';
  sheet.setAttribute('aria-hidden', 'true');
  const loaded = images.map((src) => {
    const img = document.createElement('img');
    img.alt = '';
    sheet.appendChild(img);
    return new Promise<void>((resolve) => {
      img.onload = () => resolve();
      img.onerror = () => resolve();
      img.src = src;
    });
  });
  document.head.appendChild(style);
  document.body.appendChild(sheet);
  try {
    await Promise.all(loaded);
    window.print();
  } finally {
    sheet.remove();
    style.remove();
    for (const src of images) URL.revokeObjectURL(src);
  }
}
