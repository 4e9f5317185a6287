import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import { describe, expect, it } from 'vitest';
import { DataDir } from '../../electron/core/data-dir';
import { KeyRing } from '../../electron/core/services/auth/key-ring';
import { ADMIN, TEST_KDF, setUpZone } from '../support/core-harness';
import { searchProcessMemory } from '../support/process-memory';

const ROOT = path.resolve(import.meta.dirname, '../..');

class Child {
  private readonly replies: string[] = [];
  private waiting: ((line: string) => void) | null = null;
  readonly pid: number;

  constructor(private readonly proc: ChildProcessWithoutNullStreams) {
    this.pid = proc.pid!;
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      if (this.waiting) {
        const w = this.waiting;
        this.waiting = null;
        w(line);
      } else this.replies.push(line);
    });
  }

  next(): Promise<unknown> {
    const queued = this.replies.shift();
    if (queued !== undefined) return Promise.resolve(JSON.parse(queued));
    return new Promise((resolve) => (this.waiting = (line) => resolve(JSON.parse(line))));
  }

  send(command: object): Promise<unknown> {
    this.proc.stdin.write(`${JSON.stringify(command)}\n`);
    return this.next();
  }

  kill(): void {
    this.proc.kill('SIGKILL');
  }
}

const canReadMemory = process.platform === 'linux' && process.getuid?.() === 0;

describe.runIf(canReadMemory)('the database key in the core process memory', () => {
  it('is there while unlocked and gone after auth.lock, raw and as hex', { timeout: 120_000 }, async () => {
    const { core, dataDir } = await setUpZone();
    core.close();
    const unlocked = await new KeyRing(new DataDir(dataDir), TEST_KDF).unlockWithPassword(ADMIN.username, ADMIN.password);
    const key = unlocked!.key;
    const hex = key.toString('hex');
    const needles = {
      raw: key,
      hex: Buffer.from(hex, 'latin1'),
      HEX: Buffer.from(hex.toUpperCase(), 'latin1'),
      hexUtf16: Buffer.from(hex, 'utf16le'),
    };
    const child = new Child(spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/support/core-child.ts'), dataDir], { cwd: ROOT, stdio: 'pipe' }));
    try {
      expect(typeof ((await child.next()) as { ready?: unknown }).ready).toBe('number');
      expect(await child.send({ op: 'call', channel: 'auth.login', input: { username: ADMIN.username, password: ADMIN.password } })).toEqual({ ok: true });
      // The control: while unlocked the scan does find the key (the vault's Buffer, SQLite's cipher
      // context), so an empty result after the lock means something.
      const whileOpen = searchProcessMemory(child.pid, needles);
      expect(whileOpen.filter((h) => h.needle === 'raw').length, JSON.stringify(whileOpen)).toBeGreaterThan(0);
      expect(await child.send({ op: 'call', channel: 'auth.lock', input: {} })).toEqual({ ok: true });
      expect(await child.send({ op: 'gc' })).toEqual({ ok: true });
      expect(searchProcessMemory(child.pid, needles)).toEqual([]);
    } finally {
      child.kill();
    }
  });
});
