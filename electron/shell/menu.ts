// Italian application menu and text context menu, as pure template builders (checked by tests);
// main.ts turns them into real menus with Menu.buildFromTemplate.
import type { MenuItemConstructorOptions } from 'electron';

export interface AppMenuInput {
  isPackaged: boolean;
  platform: NodeJS.Platform;
  appName: string;
  onAbout: () => void;
}

export function buildAppMenuTemplate(input: AppMenuInput): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { label: 'Informazioni', click: () => input.onAbout() };
  const template: MenuItemConstructorOptions[] = [];

  if (input.platform === 'darwin') {
    template.push({
      label: input.appName,
      submenu: [
        { ...about, label: `Informazioni su ${input.appName}` },
        { type: 'separator' },
        { role: 'hide', label: `Nascondi ${input.appName}` },
        { role: 'hideOthers', label: 'Nascondi altre' },
        { role: 'unhide', label: 'Mostra tutte' },
        { type: 'separator' },
        { role: 'quit', label: `Esci da ${input.appName}` },
      ],
    });
  }

  template.push({
    label: 'File',
    submenu: [input.platform === 'darwin' ? { role: 'close', label: 'Chiudi finestra' } : { role: 'quit', label: 'Esci' }],
  });

  template.push({
    label: 'Modifica',
    submenu: [
      { role: 'undo', label: 'Annulla' },
      { role: 'redo', label: 'Ripeti' },
      { type: 'separator' },
      { role: 'cut', label: 'Taglia' },
      { role: 'copy', label: 'Copia' },
      { role: 'paste', label: 'Incolla' },
      { type: 'separator' },
      { role: 'selectAll', label: 'Seleziona tutto' },
    ],
  });

  const view: MenuItemConstructorOptions[] = [];
  if (!input.isPackaged) {
    view.push(
      { role: 'reload', label: 'Ricarica' },
      { role: 'forceReload', label: 'Ricarica ignorando la cache' },
      { role: 'toggleDevTools', label: 'Strumenti per sviluppatori' },
      { type: 'separator' },
    );
  }
  view.push(
    { role: 'resetZoom', label: 'Dimensioni effettive' },
    { role: 'zoomIn', label: 'Aumenta zoom' },
    { role: 'zoomOut', label: 'Riduci zoom' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Schermo intero' },
  );
  template.push({ label: 'Visualizza', submenu: view });

  template.push({ label: 'Aiuto', role: 'help', submenu: [about] });
  return template;
}

export interface ContextMenuParams {
  isEditable: boolean;
  selectionText: string;
  misspelledWord: string;
  dictionarySuggestions: string[];
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export interface ContextMenuActions {
  replaceMisspelling: (word: string) => void;
  addToDictionary: (word: string) => void;
}

/**
 * Right-click menu for text: spelling suggestions (Italian dictionary), then the edit commands the
 * field allows. Empty when there is nothing to offer (no menu is shown).
 */
export function buildContextMenuTemplate(params: ContextMenuParams, actions: ContextMenuActions): MenuItemConstructorOptions[] {
  const items: MenuItemConstructorOptions[] = [];
  if (params.isEditable && params.misspelledWord) {
    const suggestions = params.dictionarySuggestions.slice(0, 6);
    if (suggestions.length === 0) items.push({ label: 'Nessun suggerimento', enabled: false });
    for (const word of suggestions) items.push({ label: word, click: () => actions.replaceMisspelling(word) });
    items.push({ label: 'Aggiungi al dizionario', click: () => actions.addToDictionary(params.misspelledWord) });
    items.push({ type: 'separator' });
  }
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: 'Taglia', enabled: params.editFlags.canCut },
      { role: 'copy', label: 'Copia', enabled: params.editFlags.canCopy },
      { role: 'paste', label: 'Incolla', enabled: params.editFlags.canPaste },
      { type: 'separator' },
      { role: 'selectAll', label: 'Seleziona tutto', enabled: params.editFlags.canSelectAll },
    );
  } else if (params.selectionText.trim() !== '') {
    items.push({ role: 'copy', label: 'Copia', enabled: params.editFlags.canCopy });
  }
  return items;
}
