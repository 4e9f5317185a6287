// Where the shell finds its files. Pure (plain inputs), so tests check it. (The data folder comes
// from the core's defaultDataDir, which browser mode uses too: one machine, one archive.)
import path from 'node:path';

export const PRODUCT_NAME = 'Ufficio della Cittadinanza';

export interface AppPathsInput {
  /** `app.getAppPath()`: the project folder in development, …/resources/app.asar when packaged. */
  appPath: string;
  /** `process.resourcesPath`. */
  resourcesPath: string;
  isPackaged: boolean;
  env: Record<string, string | undefined>;
}

export interface AppPaths {
  preload: string;
  rendererRoot: string;
  worker: string;
  /** The Electron-ABI better_sqlite3.node, or undefined to let the core use the default binding. */
  sqliteBinding: string | undefined;
}

export function appPaths(input: AppPathsInput): AppPaths {
  const dist = path.join(input.appPath, 'dist');
  let sqliteBinding: string | undefined;
  if (input.isPackaged) {
    // Never taken from the environment when packaged: a variable must not choose native code to load.
    sqliteBinding = path.join(input.resourcesPath, 'native', 'better_sqlite3.node');
  } else {
    sqliteBinding = input.env.UDC_SQLITE_BINDING || path.join(input.appPath, 'build', 'native', 'electron', 'better_sqlite3.node');
  }
  return {
    preload: path.join(dist, 'electron', 'preload.cjs'),
    rendererRoot: path.join(dist, 'renderer'),
    worker: path.join(dist, 'core', 'worker.mjs'),
    sqliteBinding,
  };
}
