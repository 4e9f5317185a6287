import { createCore, type Connection } from './app';
import { defaultDataDir } from './default-data-dir';
import type { WorkerMessage, WorkerRequest } from '../../shared/contracts/events';
import { ShellPdf } from './services/letters/shell-pdf';

/**
 * Entry point of the core inside Electron's utilityProcess: one Connection per window, messages
 * over the parent port. The shell relays calls and never touches data itself.
 */
interface ParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  postMessage(message: unknown): void;
}

const parentPort = (process as unknown as { parentPort?: ParentPort }).parentPort;
if (!parentPort) {
  console.error('worker.mjs va avviato dalla shell Electron (utilityProcess).');
  process.exit(1);
}

const send = (message: WorkerMessage) => parentPort.postMessage(message);
// Letters print through the shell's webContents.printToPDF (no Chromium of our own in the app).
const pdf = new ShellPdf(send);
const core = createCore({ dataDir: defaultDataDir(), workstation: process.env.UDC_WORKSTATION || undefined, pdf });
const connections = new Map<string, Connection>();

parentPort.on('message', ({ data }) => {
  const message = data as WorkerRequest;
  if (message.type === 'shutdown') {
    // Quitting: log every session out (audited), fold the WAL in and close the database.
    core.close();
    process.exit(0);
  }
  if (message.type === 'pdfResult') {
    pdf.settle(message);
    return;
  }
  if (message.type === 'disconnect') {
    connections.get(message.connId)?.close();
    connections.delete(message.connId);
    return;
  }
  if (message.type !== 'call') return;
  let conn = connections.get(message.connId);
  if (!conn) {
    const connId = message.connId;
    conn = core.connect('electron', (event) => send({ type: 'event', connId, event }));
    connections.set(message.connId, conn);
  }
  void conn.call(message.channel, message.payload).then((reply) => {
    send({ type: 'reply', connId: message.connId, id: message.id, reply });
  });
});

process.on('exit', () => core.close());
