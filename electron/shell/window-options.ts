// The options of every window, in one pure function so a unit test checks them without Electron.
// (`import type` is erased at build time: this module does not load electron at run time.)
import type { BrowserWindowConstructorOptions } from 'electron';

export const WINDOW_TITLE = 'Ufficio della Cittadinanza';
export const SPELLCHECK_LANGUAGES: readonly string[] = ['it-IT'];

export interface WindowOptionsInput {
  /** Absolute path of dist/electron/preload.cjs (inside app.asar when packaged). */
  preloadPath: string;
  /** `app.isPackaged`: DevTools exist only in development. */
  isPackaged: boolean;
  /** Window icon (Linux in development; installers carry their own). */
  icon?: string;
}

export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: WINDOW_TITLE,
    width: 1280,
    height: 820,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(input.icon ? { icon: input.icon } : {}),
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: true,
      devTools: !input.isPackaged,
    },
  };
}
