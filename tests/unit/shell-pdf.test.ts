// Letters in the Electron app: the core's ShellPdf and the shell's CoreBridge speak the worker
// protocol (printToPdf → pdfResult); driven end to end with a fake worker and a fake printer.
import { describe, expect, it } from 'vitest';
import { CoreBridge, type CoreWorker, type WorkerRequest } from '../../electron/shell/core-bridge';
import { ShellPdf } from '../../electron/core/services/letters/shell-pdf';

/** A worker whose core side is a ShellPdf: what the core sends reaches the bridge, and back. */
function wire(printToPdf?: (html: string) => Promise<Buffer>) {
  let toBridge: ((m: unknown) => void) | null = null;
  const pdf = new ShellPdf((message) => toBridge?.(message));
  const worker: CoreWorker = {
    postMessage: (message: WorkerRequest) => {
      if (message.type === 'pdfResult') pdf.settle(message);
    },
    onMessage: (listener) => {
      toBridge = listener;
    },
    onExit: () => undefined,
    kill: () => undefined,
  };
  const bridge = new CoreBridge(() => worker, { ...(printToPdf ? { printToPdf } : {}), log: () => undefined });
  bridge.start();
  return pdf;
}

describe('stampa PDF nella shell Electron', () => {
  it('the HTML goes to the shell’s printer and the bytes come back to the core', async () => {
    const seen: string[] = [];
    const pdf = wire(async (html) => {
      seen.push(html);
      return Buffer.from(`%PDF-1.7 ${html.length}`);
    });
    const [a, b] = await Promise.all([pdf.render('<p>uno</p>'), pdf.render('<p>due due</p>')]);
    expect(a.toString()).toBe('%PDF-1.7 10');
    expect(b.toString()).toBe('%PDF-1.7 14');
    expect(seen).toEqual(['<p>uno</p>', '<p>due due</p>']);
  });

  it('a failed print, or no printer, is an Italian error for the core, never a hang', async () => {
    await expect(wire(() => Promise.reject(new Error('gpu'))).render('<p>x</p>')).rejects.toThrow(/stampa in PDF non è riuscita/);
    await expect(wire().render('<p>x</p>')).rejects.toThrow(/non è disponibile/);
  });

  it('closing the core answers what is still waiting', async () => {
    const pdf = wire(() => new Promise<Buffer>(() => undefined));
    const pending = pdf.render('<p>x</p>');
    await pdf.close();
    await expect(pending).rejects.toThrow(/si sta chiudendo/);
  });
});
