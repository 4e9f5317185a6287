import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/contracts';
import { createHandlers, type HandlerDeps } from '../../electron/core/features';
import { Router, type HandlerMap } from '../../electron/core/ipc/router';
import type { AuthService } from '../../electron/core/services/auth/auth.service';
import type { Vault } from '../../electron/core/services/auth/vault';

// The factories only close over their deps: building the map touches none of them.
const deps = {} as HandlerDeps;
const router = (handlers: Record<string, unknown>) => new Router(handlers as HandlerMap, {} as AuthService, {} as Vault, 'postazione-test', Date.now);

describe('registro delle funzioni del core', () => {
  it('every contract channel has exactly one handler, and every handler a channel', () => {
    const handlers = createHandlers(deps) as Record<string, unknown>;
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
    for (const [name, handler] of Object.entries(handlers)) expect(typeof handler, name).toBe('function');
  });

  it('the Router refuses to start with a channel left without a handler', () => {
    const handlers: Record<string, unknown> = { ...createHandlers(deps) };
    delete handlers['diary.update'];
    expect(() => router(handlers)).toThrow('Canale senza implementazione: diary.update');
  });

  it('the Router refuses to start with a handler for a channel the contract does not declare', () => {
    const handlers = { ...createHandlers(deps), 'sal.list': () => [] };
    expect(() => router(handlers)).toThrow('Implementazione senza canale nel contratto: sal.list');
  });

  it('the Router starts with the registry as it is', () => {
    expect(() => router(createHandlers(deps))).not.toThrow();
  });
});
