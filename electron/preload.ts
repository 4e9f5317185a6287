// The only bridge between the sandboxed renderer and the rest of the program: one function,
// `window.udc.invoke(channel, payload)`, answered by the core through the main process.
// Never expose ipcRenderer itself, never a second global.
import { contextBridge, ipcRenderer } from 'electron';
import type { Reply } from '../shared/contracts';

contextBridge.exposeInMainWorld('udc', {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>> {
    return ipcRenderer.invoke('udc:call', channel, payload) as Promise<Reply<unknown>>;
  },
});
