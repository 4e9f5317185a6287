import type { Reply } from '../../shared/contracts';
import type { Transport } from './transport';

type Bridge = NonNullable<Window['udc']>;

export function electronTransport(bridge: Bridge): Transport {
  return {
    invoke(channel: string, payload: unknown): Promise<Reply<unknown>> {
      return bridge.invoke(channel, payload);
    },
    onEvent(listener) {
      return bridge.onEvent(listener);
    },
  };
}
