// The shell's relay to the core worker (utilityProcess), driven with a fake worker.
import { describe, expect, it } from 'vitest';
import { CoreBridge, WORKER_CRASHED_REPLY, WORKER_UNAVAILABLE_REPLY, isReply } from '../../electron/shell/core-bridge';
import type { CoreWorker, WorkerRequest } from '../../electron/shell/core-bridge';

class FakeWorker implements CoreWorker {
  sent: WorkerRequest[] = [];
  killed = false;
  private messageListeners: ((m: unknown) => void)[] = [];
  private exitListeners: ((code: number) => void)[] = [];
  postMessage(message: WorkerRequest): void {
    this.sent.push(message);
  }
  onMessage(listener: (m: unknown) => void): void {
    this.messageListeners.push(listener);
  }
  onExit(listener: (code: number) => void): void {
    this.exitListeners.push(listener);
  }
  kill(): void {
    this.killed = true;
  }
  reply(message: unknown): void {
    for (const l of this.messageListeners) l(message);
  }
  exit(code: number): void {
    for (const l of this.exitListeners) l(code);
  }
  lastCall(): Extract<WorkerRequest, { type: 'call' }> {
    const calls = this.sent.filter((m): m is Extract<WorkerRequest, { type: 'call' }> => m.type === 'call');
    const last = calls.at(-1);
    if (!last) throw new Error('no call sent');
    return last;
  }
}

function setup(options: ConstructorParameters<typeof CoreBridge>[1] = {}) {
  const workers: FakeWorker[] = [];
  const bridge = new CoreBridge(() => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  }, options);
  return { bridge, workers };
}

describe('CoreBridge', () => {
  it('relays a call and resolves with the reply for that connection and id', async () => {
    const { bridge, workers } = setup();
    const promise = bridge.call('conn-a', 'auth.status', { x: 1 });
    const call = workers[0]!.lastCall();
    expect(call).toMatchObject({ type: 'call', connId: 'conn-a', channel: 'auth.status', payload: { x: 1 } });
    workers[0]!.reply({ type: 'reply', connId: 'conn-a', id: call.id, reply: { ok: true, data: { stato: 'ok' } } });
    await expect(promise).resolves.toEqual({ ok: true, data: { stato: 'ok' } });
    expect(bridge.pendingCount).toBe(0);
  });

  it('ignores replies with another connection id and unknown ids', async () => {
    const { bridge, workers } = setup();
    const promise = bridge.call('conn-a', 'x', null);
    const { id } = workers[0]!.lastCall();
    workers[0]!.reply({ type: 'reply', connId: 'conn-b', id, reply: { ok: true, data: 'rubato' } });
    workers[0]!.reply({ type: 'reply', connId: 'conn-a', id: id + 100, reply: { ok: true, data: 'x' } });
    workers[0]!.reply('spazzatura');
    expect(bridge.pendingCount).toBe(1);
    workers[0]!.reply({ type: 'reply', connId: 'conn-a', id, reply: { ok: false, error: { code: 'VALIDATION', message: 'No', field: 'nome' } } });
    await expect(promise).resolves.toEqual({ ok: false, error: { code: 'VALIDATION', message: 'No', field: 'nome' } });
  });

  it('turns a malformed reply into a typed INTERNAL error', async () => {
    const { bridge, workers } = setup();
    const promise = bridge.call('c', 'x', null);
    workers[0]!.reply({ type: 'reply', connId: 'c', id: workers[0]!.lastCall().id, reply: { ok: 'forse', stack: 'Error at …' } });
    const reply = await promise;
    expect(reply.ok).toBe(false);
    expect(!reply.ok && reply.error.code).toBe('INTERNAL');
    expect(JSON.stringify(reply)).not.toContain('stack');
  });

  it('answers pending calls when the worker dies, then restarts it', async () => {
    const { bridge, workers } = setup();
    const a = bridge.call('c', 'lento', null);
    workers[0]!.exit(1);
    await expect(a).resolves.toEqual(WORKER_CRASHED_REPLY);
    expect(workers).toHaveLength(2);
    const b = bridge.call('c', 'x', null);
    workers[1]!.reply({ type: 'reply', connId: 'c', id: workers[1]!.lastCall().id, reply: { ok: true, data: 1 } });
    await expect(b).resolves.toEqual({ ok: true, data: 1 });
  });

  it('gives up after repeated crashes and says so once', async () => {
    let now = 0;
    const giveUps: number[] = [];
    const { bridge, workers } = setup({ maxRestarts: 2, restartWindowMs: 60_000, now: () => now, onGiveUp: (code) => giveUps.push(code) });
    bridge.start();
    for (let i = 0; i < 3; i++) {
      now += 1000;
      workers.at(-1)!.exit(7);
    }
    expect(workers).toHaveLength(3);
    expect(giveUps).toEqual([7]);
    await expect(bridge.call('c', 'x', null)).resolves.toEqual(WORKER_UNAVAILABLE_REPLY);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const { bridge, workers } = setup({ maxRestarts: 1, restartWindowMs: 10_000, now: () => now });
    bridge.start();
    for (let i = 0; i < 5; i++) {
      now += 20_000;
      workers.at(-1)!.exit(1);
    }
    expect(workers).toHaveLength(6);
  });

  it('sends disconnect for a closed window', () => {
    const { bridge, workers } = setup();
    bridge.start();
    bridge.disconnect('conn-a');
    expect(workers[0]!.sent).toEqual([{ type: 'disconnect', connId: 'conn-a' }]);
  });

  it('asks the worker to shut down and resolves when it exits, without restarting', async () => {
    const { bridge, workers } = setup();
    const pending = bridge.call('c', 'x', null);
    const done = bridge.shutdown(5000);
    expect(workers[0]!.sent.at(-1)).toEqual({ type: 'shutdown' });
    workers[0]!.exit(0);
    await done;
    await expect(pending).resolves.toEqual(WORKER_CRASHED_REPLY);
    expect(workers).toHaveLength(1);
    await expect(bridge.call('c', 'x', null)).resolves.toEqual(WORKER_UNAVAILABLE_REPLY);
  });

  it('kills a worker that does not shut down in time', async () => {
    const { bridge, workers } = setup();
    bridge.start();
    await bridge.shutdown(10);
    expect(workers[0]!.killed).toBe(true);
  });

  it('recognises well-formed replies only', () => {
    expect(isReply({ ok: true, data: null })).toBe(true);
    expect(isReply({ ok: false, error: { code: 'X', message: 'm' } })).toBe(true);
    expect(isReply({ ok: true })).toBe(false);
    expect(isReply({ ok: false, error: { code: 1, message: 'm' } })).toBe(false);
    expect(isReply({ ok: false, error: { code: 'X', message: 'm', field: 3 } })).toBe(false);
    expect(isReply(null)).toBe(false);
  });
});
