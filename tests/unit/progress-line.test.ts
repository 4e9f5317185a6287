import { describe, expect, it } from 'vitest';
import { progressLine } from '../../electron/core/cli/progress';

function collector(isTTY: boolean) {
  const written: string[] = [];
  return { stream: { isTTY, write: (t: string) => written.push(t) }, text: () => written.join('') };
}

describe('progress of a long CLI step', () => {
  it('rewrites one line in place on a terminal, and ends it', () => {
    const c = collector(true);
    const p = progressLine(c.stream);
    p.update('Persone create: 1 di 2');
    p.update('Persone create: 2 di 2');
    p.done();
    expect(c.text()).toBe('\rPersone create: 1 di 2\x1b[K\rPersone create: 2 di 2\x1b[K\n');
  });

  it('writes one line per step, with no carriage return, to a file or a pipe', () => {
    const c = collector(false);
    const p = progressLine(c.stream);
    p.update('Persone create: 1 di 2');
    p.update('Persone create: 2 di 2');
    p.done();
    expect(c.text()).toBe('Persone create: 1 di 2\nPersone create: 2 di 2\n');
  });
});
