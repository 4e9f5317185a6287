import type { PdfResult, WorkerMessage } from '../../../../shared/contracts/events';
import { AppError } from '../../../../shared/domain/errors';
import type { PdfRenderer } from './pdf-renderer';

/**
 * The Electron shell's printer, reached over the worker protocol: the core in its
 * utilityProcess sends the HTML (`printToPdf`), the shell prints it with
 * `webContents.printToPDF` and answers with the bytes (`pdfResult`). The core never imports
 * Electron; this class only keeps the pending requests.
 */
export class ShellPdf implements PdfRenderer {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (b: Buffer) => void; reject: (e: Error) => void }>();

  constructor(private readonly send: (message: Extract<WorkerMessage, { type: 'printToPdf' }>) => void) {}

  render(html: string): Promise<Buffer> {
    const id = this.next++;
    return new Promise<Buffer>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ type: 'printToPdf', id, html });
    });
  }

  /** The shell's answer to one request. */
  settle(result: PdfResult): void {
    const entry = this.pending.get(result.id);
    if (!entry) return;
    this.pending.delete(result.id);
    if (result.ok) entry.resolve(Buffer.from(result.pdfBase64, 'base64'));
    else entry.reject(new AppError('INTERNAL', result.message));
  }

  close(): Promise<void> {
    for (const entry of this.pending.values()) entry.reject(new AppError('INTERNAL', 'Il programma si sta chiudendo: la stampa non è stata completata.'));
    this.pending.clear();
    return Promise.resolve();
  }
}
