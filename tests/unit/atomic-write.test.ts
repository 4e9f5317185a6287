import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atomicWrite, realFileOps, type FileOps } from '../../electron/core/files/atomic-write';

type Step = 'openSync' | 'writeSync' | 'fsyncSync' | 'closeSync' | 'renameSync';

class InjectedFailure extends Error {
  constructor(readonly step: Step) {
    super(`guasto simulato in ${step}`);
  }
}

/**
 * Real file operations that fail at the Nth call (counting open/write/fsync/close/rename).
 * `before`: the call fails without touching the disk; `after`: it takes effect, then reports
 * an error (as a close or rename can on a network share). `chunk` forces short writes.
 */
function failingOps(options: { failAt: number; when: 'before' | 'after'; chunk?: number }): { ops: FileOps; steps: Step[] } {
  const steps: Step[] = [];
  const step = <T>(name: Step, real: () => T): T => {
    steps.push(name);
    if (steps.length !== options.failAt) return real();
    if (options.when === 'before') throw new InjectedFailure(name);
    real();
    throw new InjectedFailure(name);
  };
  const ops: FileOps = {
    // An open that fails returns no descriptor: `after` models a file created, then an error.
    openSync: (file, flags, mode) =>
      step('openSync', () => {
        const fd = realFileOps.openSync(file, flags, mode);
        if (steps.length === options.failAt) realFileOps.closeSync(fd);
        return fd;
      }),
    writeSync: (fd, data) => step('writeSync', () => realFileOps.writeSync(fd, options.chunk ? data.subarray(0, options.chunk) : data)),
    fsyncSync: (fd) => step('fsyncSync', () => realFileOps.fsyncSync(fd)),
    closeSync: (fd) => step('closeSync', () => realFileOps.closeSync(fd)),
    renameSync: (from, to) => step('renameSync', () => realFileOps.renameSync(from, to)),
    rmSync: (file, opts) => realFileOps.rmSync(file, opts),
  };
  return { ops, steps };
}

function openFds(): number | null {
  try {
    return fs.readdirSync('/proc/self/fd').length;
  } catch {
    return null;
  }
}

let base: string;
let counter = 0;
beforeAll(() => {
  base = fs.mkdtempSync(path.join(os.tmpdir(), 'udc-atomic-'));
});
afterAll(() => {
  fs.rmSync(base, { recursive: true, force: true });
});
function freshDir(): string {
  counter += 1;
  const dir = path.join(base, `caso-${counter}`);
  fs.mkdirSync(dir);
  return dir;
}

const OLD = 'versione precedente: chiavi.json completo\n';
const NEW = Buffer.from(`nuova versione, più lunga: ${'dati cifrati '.repeat(300)}fine\n`, 'utf8');

/** How many counted steps a successful write takes with this chunk size. */
function stepsOfSuccess(chunk?: number): Step[] {
  const dir = freshDir();
  const { ops, steps } = failingOps({ failAt: 0, when: 'before', ...(chunk ? { chunk } : {}) });
  atomicWrite(path.join(dir, 'chiavi.json'), NEW, ops);
  return steps;
}

/** The same count, known before any file is touched (the test list is built from it). */
function expectedStepCount(chunk?: number): number {
  return 4 + (chunk ? Math.ceil(NEW.length / chunk) : 1);
}

describe('scrittura atomica: un guasto a qualunque passo', () => {
  it('a successful write goes open, write…, fsync, close, rename', () => {
    expect(stepsOfSuccess()).toEqual(['openSync', 'writeSync', 'fsyncSync', 'closeSync', 'renameSync']);
    expect(expectedStepCount()).toBe(5);
    const chunked = stepsOfSuccess(1000);
    expect(chunked).toHaveLength(expectedStepCount(1000));
    expect(chunked[0]).toBe('openSync');
    expect(chunked.filter((s) => s === 'writeSync')).toHaveLength(Math.ceil(NEW.length / 1000));
    expect(chunked.slice(-3)).toEqual(['fsyncSync', 'closeSync', 'renameSync']);
  });

  for (const chunk of [undefined, 1000]) {
    for (const hadOld of [true, false]) {
      for (const when of ['before', 'after'] as const) {
        const total = expectedStepCount(chunk);
        for (let failAt = 1; failAt <= total; failAt++) {
          const label = `${hadOld ? 'sopra un file esistente' : 'file nuovo'}, guasto ${when === 'before' ? 'prima' : 'dopo'} del passo ${failAt}/${total}${chunk ? ' (scritture parziali)' : ''}`;
          it(label, () => {
            const dir = freshDir();
            const target = path.join(dir, 'chiavi.json');
            if (hadOld) fs.writeFileSync(target, OLD);
            const { ops, steps } = failingOps({ failAt, when, ...(chunk ? { chunk } : {}) });
            const fdsBefore = openFds();

            let caught: unknown;
            try {
              atomicWrite(target, NEW, ops);
            } catch (error) {
              caught = error;
            }

            // The original error is reported, not a follow-up one from the clean-up.
            expect(caught).toBeInstanceOf(InjectedFailure);
            expect((caught as InjectedFailure).step).toBe(steps[failAt - 1]);

            // Whole old content (or no file), or whole new content: never a mix.
            const failedStep = steps[failAt - 1];
            const renamed = failedStep === 'renameSync' && when === 'after';
            if (renamed) {
              expect(fs.readFileSync(target).equals(NEW)).toBe(true);
            } else if (hadOld) {
              expect(fs.readFileSync(target, 'utf8')).toBe(OLD);
            } else {
              expect(fs.existsSync(target)).toBe(false);
            }

            // No temp file, nothing else left in the folder.
            const left = fs.readdirSync(dir);
            expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
            expect(left).toEqual(hadOld || renamed ? ['chiavi.json'] : []);

            // No file descriptor leaked.
            const fdsAfter = openFds();
            if (fdsBefore !== null) expect(fdsAfter).toBe(fdsBefore);
          });
        }
      }
    }
  }

  it('holds for random contents, chunk sizes and failure points', () => {
    fc.assert(
      fc.property(
        fc.option(fc.uint8Array({ maxLength: 3000 }), { nil: null }),
        fc.uint8Array({ maxLength: 3000 }),
        fc.integer({ min: 1, max: 4096 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom('before' as const, 'after' as const),
        (old, next, chunk, failAt, when) => {
          const dir = freshDir();
          const target = path.join(dir, 'archivio.bin');
          if (old !== null) fs.writeFileSync(target, old);
          const { ops, steps } = failingOps({ failAt, when, chunk });
          let failed = false;
          try {
            atomicWrite(target, next, ops);
          } catch (error) {
            expect(error).toBeInstanceOf(InjectedFailure);
            failed = true;
          }
          expect(failed).toBe(failAt <= steps.length);
          const left = fs.readdirSync(dir);
          expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
          if (fs.existsSync(target)) {
            const content = fs.readFileSync(target);
            const isOld = old !== null && content.equals(Buffer.from(old));
            const isNew = content.equals(Buffer.from(next));
            expect(isOld || isNew).toBe(true);
            if (!failed) expect(isNew).toBe(true);
          } else {
            expect(old).toBeNull();
            expect(failed).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('scrittura atomica: quando va tutto bene', () => {
  it('writes exactly the given bytes, replacing the old file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (bytes) => {
        const dir = freshDir();
        const target = path.join(dir, 'dati.bin');
        fs.writeFileSync(target, 'vecchio contenuto molto più lungo di quanto serva'.repeat(200));
        atomicWrite(target, bytes);
        expect(fs.readFileSync(target).equals(Buffer.from(bytes))).toBe(true);
        expect(fs.readdirSync(dir)).toEqual(['dati.bin']);
      }),
      { numRuns: 50 },
    );
  });

  it('writes a string as UTF-8', () => {
    const dir = freshDir();
    const target = path.join(dir, 'chiave-di-recupero.txt');
    const text = 'Città di Narni — perché sì: € 12,50\n';
    atomicWrite(target, text);
    expect(fs.readFileSync(target).equals(Buffer.from(text, 'utf8'))).toBe(true);
  });

  it('writes an empty file', () => {
    const dir = freshDir();
    const target = path.join(dir, 'vuoto');
    atomicWrite(target, new Uint8Array(0));
    expect(fs.readFileSync(target).length).toBe(0);
  });

  it.runIf(process.platform !== 'win32')('the file is readable only by its owner (0600), also when it replaces a 0644 file', () => {
    const dir = freshDir();
    const target = path.join(dir, 'chiavi.json');
    atomicWrite(target, '{}');
    expect(fs.statSync(target).mode & 0o777).toBe(0o600);
    fs.writeFileSync(path.join(dir, 'altro.json'), '{}', { mode: 0o644 });
    fs.chmodSync(path.join(dir, 'altro.json'), 0o644);
    atomicWrite(path.join(dir, 'altro.json'), '{"a":1}');
    expect(fs.statSync(path.join(dir, 'altro.json')).mode & 0o777).toBe(0o600);
  });

  it('fails cleanly when the folder does not exist', () => {
    const dir = freshDir();
    const target = path.join(dir, 'manca', 'chiavi.json');
    expect(() => atomicWrite(target, 'x')).toThrow(/ENOENT/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });
});
