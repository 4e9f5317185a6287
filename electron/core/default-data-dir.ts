import os from 'node:os';
import path from 'node:path';

/** Where the office's data lives unless told otherwise (UDC_DATA_DIR or --data-dir). */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.UDC_DATA_DIR) return path.resolve(env.UDC_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Ufficio della Cittadinanza', 'dati');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Ufficio della Cittadinanza', 'dati');
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), 'ufficio-cittadinanza', 'dati');
}
