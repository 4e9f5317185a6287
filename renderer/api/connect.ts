import { setTransport } from './client';
import { electronTransport } from './electron-transport';
import { takeToken } from './token';
import type { ConnectionListener } from './transport';
import { wsTransport } from './ws-transport';

export type StartResult = 'electron' | 'browser' | 'no-token';

/** Picks the transport once, at start: the preload bridge if present, else the loopback WebSocket. */
export function connect(onConnection: ConnectionListener): StartResult {
  if (window.udc) {
    setTransport(electronTransport(window.udc));
    return 'electron';
  }
  const token = takeToken();
  if (!token) return 'no-token';
  setTransport(wsTransport(token, onConnection));
  return 'browser';
}
