// The only bridge between the sandboxed renderer and the rest of the program: `window.udc.invoke`
// (answered by the core through the main process) and `window.udc.onEvent` (the core's push events).
// Never expose ipcRenderer itself, never a second global.
import { contextBridge, ipcRenderer } from 'electron';
import type { Reply } from '../shared/contracts';

contextBridge.exposeInMainWorld('udc', {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>> {
    return ipcRenderer.invoke('udc:call', channel, payload) as Promise<Reply<unknown>>;
  },
  /** The core's push events for this window; returns the function that stops listening. */
  onEvent(listener: (event: unknown) => void): () => void {
    const relay = (_e: unknown, event: unknown) => listener(event);
    ipcRenderer.on('udc:event', relay);
    return () => ipcRenderer.removeListener('udc:event', relay);
  },
});
