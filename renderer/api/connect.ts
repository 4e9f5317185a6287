import { setTransport } from './client';
import { electronTransport } from './electron-transport';
import { openBrowserSession } from './token';
import type { ConnectionListener } from './transport';
import { wsTransport } from './ws-transport';

export type StartResult = { mode: 'electron' | 'browser' } | { mode: 'no-session'; message: string };

/** Picks the transport once, at start: the preload bridge if present, else the loopback WebSocket. */
export async function connect(onConnection: ConnectionListener): Promise<StartResult> {
  if (window.udc) {
    setTransport(electronTransport(window.udc));
    return { mode: 'electron' };
  }
  const session = await openBrowserSession();
  if (!session.ok) return { mode: 'no-session', message: session.message };
  setTransport(wsTransport(onConnection));
  return { mode: 'browser' };
}
