/**
 * A core in its own process, driven one JSON command per stdin line, for tests that must look
 * at a real process from outside (its memory through /proc). Replies one JSON line each.
 */
import readline from 'node:readline';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createCore } from '../../electron/core/app';
import { TEST_KDF } from './core-harness';

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: core-child <data dir>');
// No idle timer: the test decides when things happen.
const core = createCore({ dataDir, workstation: 'postazione-test', passwordKdf: TEST_KDF, idleTimer: () => () => {} });
const conn = core.connect('test');

type Command = { op: 'call'; channel: string; input: unknown } | { op: 'gc' } | { op: 'snapshot'; file: string } | { op: 'exit' };

async function run(command: Command): Promise<unknown> {
  switch (command.op) {
    case 'call': {
      const reply = await conn.call(command.channel, command.input);
      return reply.ok ? { ok: true } : { ok: false, code: reply.error.code };
    }
    case 'gc':
      gc();
      gc();
      return { ok: true };
    case 'snapshot':
      v8.writeHeapSnapshot(command.file);
      return { ok: true };
    case 'exit':
      core.close();
      process.exit(0);
  }
}

const lines = readline.createInterface({ input: process.stdin });
let queue = Promise.resolve();
lines.on('line', (line) => {
  queue = queue.then(async () => {
    let reply: unknown;
    try {
      reply = await run(JSON.parse(line) as Command);
    } catch (error) {
      reply = { ok: false, code: (error as Error).name };
    }
    process.stdout.write(`${JSON.stringify(reply)}\n`);
  });
});
process.stdout.write(`${JSON.stringify({ ready: process.pid })}\n`);
