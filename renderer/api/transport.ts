import type { Reply } from '../../shared/contracts';

/** How a call reaches the core: the Electron preload bridge or the browser-mode WebSocket. */
export interface Transport {
  invoke(channel: string, payload: unknown): Promise<Reply<unknown>>;
}

/** Connection-level events the app shows full-page (the WebSocket closed under us). */
export type ConnectionListener = (state: 'open' | 'closed') => void;
