import type { Reply } from '../../shared/contracts';

/** How a call reaches the core: the Electron preload bridge or the browser-mode WebSocket. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
  /** The core's push events (raw: the client validates them); returns the unsubscribe. */
  onEvent(listener: (event: unknown) => void): () => void;
}

/** Connection-level events the app shows full-page (the WebSocket closed under us). */
export type ConnectionListener = (state: 'open' | 'closed') => void;
