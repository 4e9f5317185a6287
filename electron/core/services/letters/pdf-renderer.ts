/**
 * HTML → PDF, one interface with two implementations: the system Chromium through
 * playwright-core (browser mode, the CLI, tests: chromium-pdf.ts) and the Electron shell's
 * `webContents.printToPDF` reached over the worker protocol (shell-pdf.ts). Both print A4 with
 * the document's own @page size, backgrounds and no browser header or footer.
 */
export interface PdfRenderer {
  render(html: string): Promise<Buffer>;
  close(): Promise<void>;
}
