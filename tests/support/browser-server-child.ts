// A browser-mode server in its own process, for tests that measure the server's memory:
// prints one JSON line {origin, url, pid} and runs until SIGTERM.
import fs from 'node:fs';
import path from 'node:path';
import { startBrowserServer } from '../../electron/core/server/browser-server';
import { tempDir, testCore } from './core-harness';

const rendererDir = tempDir('udc-renderer-');
fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
const core = testCore(tempDir());
const server = await startBrowserServer(core, { rendererDir });
console.log(JSON.stringify({ origin: server.origin, url: server.url, pid: process.pid }));
process.once('SIGTERM', () => {
  void server.close().then(() => {
    core.close();
    process.exit(0);
  });
});
