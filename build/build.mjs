// Builds everything `npm start`, the CLI `bin` and the installers need into dist/:
//   dist/renderer/        the React app (Vite)
//   dist/core/*.mjs       the Electron-free core entries (CLI, utilityProcess worker) + migrations
//   dist/electron/        the shell: main (ESM) and the sandboxed preload (CommonJS, as sandboxing requires)
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync, chmodSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = path.join(root, 'dist');
const quiet = process.argv.includes('--quiet');
const started = Date.now();

// Native and optional modules stay outside the bundle: they are loaded from node_modules.
const external = ['better-sqlite3-multiple-ciphers', 'better-sqlite3', 'electron', 'playwright-core', 'bufferutil', 'utf-8-validate'];

async function buildCore() {
  rmSync(path.join(dist, 'core'), { recursive: true, force: true });
  const entries = ['cli', 'worker'].filter((name) => existsSync(path.join(root, 'electron/core', `${name}.ts`)));
  await esbuild({
    entryPoints: Object.fromEntries(entries.map((name) => [name, path.join(root, 'electron/core', `${name}.ts`)])),
    outdir: path.join(dist, 'core'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external,
    banner: { js: "import { createRequire as __udcCreateRequire } from 'node:module'; const require = __udcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  cpSync(path.join(root, 'electron/core/db/migrations'), path.join(dist, 'core/migrations'), { recursive: true });
  // The letters' font (Titillium Web), embedded by the core in every letter: nothing is fetched.
  const fonts = path.join(root, 'node_modules/@fontsource/titillium-web/files');
  cpSync(fonts, path.join(dist, 'core/fonts'), { recursive: true, filter: (f) => f === fonts || /titillium-web-latin(-ext)?-(400|600|700)-normal\.woff2$/.test(f) });
  // The npm `bin` entry: a CommonJS launcher for the ESM CLI.
  const bin = path.join(dist, 'core/cli.cjs');
  writeFileSync(bin, "#!/usr/bin/env node\nimport('./cli.mjs').catch((e) => { console.error(e); process.exit(1); });\n");
  chmodSync(bin, 0o755);
}

async function buildShell() {
  const main = path.join(root, 'electron/main.ts');
  const preload = path.join(root, 'electron/preload.ts');
  if (!existsSync(main) || !existsSync(preload)) return;
  mkdirSync(path.join(dist, 'electron'), { recursive: true });
  await esbuild({
    entryPoints: { main },
    outfile: path.join(dist, 'electron/main.mjs'),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    external,
    banner: { js: "import { createRequire as __udcCreateRequire } from 'node:module'; const require = __udcCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
  await esbuild({
    entryPoints: { preload },
    outfile: path.join(dist, 'electron/preload.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'warning',
  });
}

async function buildRenderer() {
  await viteBuild({
    configFile: path.join(root, 'build/vite.config.mjs'),
    logLevel: quiet ? 'error' : 'warn',
  });
}

await Promise.all([buildCore(), buildShell()]);
await buildRenderer();
if (!quiet) console.log(`Compilazione completata in ${((Date.now() - started) / 1000).toFixed(1)} s (dist/).`);
