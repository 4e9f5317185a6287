// Where the shell finds its files and keeps the data. Pure (plain inputs), so tests check it and
// build/start.mjs (browser mode) uses the very same data folder rules: one machine, one archive,
// whichever way the program was started.
import path from 'node:path';

export const PRODUCT_NAME = 'Ufficio della Cittadinanza';
export const LINUX_DIR_NAME = 'ufficio-cittadinanza';

export interface DataDirInput {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  homedir: string;
}

/**
 * The data folder: `UDC_DATA_DIR` when set; otherwise
 *   Windows  %APPDATA%\Ufficio della Cittadinanza\dati   (= Electron's userData\dati)
 *   macOS    ~/Library/Application Support/Ufficio della Cittadinanza/dati   (= userData/dati)
 *   Linux    ${XDG_DATA_HOME:-~/.local/share}/ufficio-cittadinanza/dati
 * (On Linux userData would be ~/.config, which is for settings, not archives.)
 */
export function defaultDataDir(input: DataDirInput): string {
  const override = input.env.UDC_DATA_DIR;
  if (override) return path.resolve(override);
  if (input.platform === 'win32') {
    const appData = input.env.APPDATA || path.win32.join(input.homedir, 'AppData', 'Roaming');
    return path.win32.join(appData, PRODUCT_NAME, 'dati');
  }
  if (input.platform === 'darwin') {
    return path.posix.join(input.homedir, 'Library', 'Application Support', PRODUCT_NAME, 'dati');
  }
  const xdg = input.env.XDG_DATA_HOME && path.isAbsolute(input.env.XDG_DATA_HOME) ? input.env.XDG_DATA_HOME : path.join(input.homedir, '.local', 'share');
  return path.join(xdg, LINUX_DIR_NAME, 'dati');
}

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
