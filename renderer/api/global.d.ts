import type { Reply } from '../../shared/contracts';

declare global {
  interface Window {
    /** Exposed by the Electron preload through contextBridge; absent in browser mode. */
    udc?: {
      invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
      onEvent(listener: (event: unknown) => void): () => void;
    };
  }
}

export {};
