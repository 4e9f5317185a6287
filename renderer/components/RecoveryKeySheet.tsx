import { createPortal } from 'react-dom';
import { formatDate } from '../i18n/format';

/**
 * The printed sheet. It is portalled beside #root so the print stylesheet can hide the whole
 * app and print only this (see PRINT_STYLES in App).
 */
export function RecoveryKeySheet({ recoveryKey, zoneName, adminUsername, date }: { recoveryKey: string; zoneName?: string; adminUsername: string; date: Date }) {
  return createPortal(
    <div className="udc-print-sheet" aria-hidden="true">
      <h1>Chiave di recupero</h1>
      <p className="udc-print-meta">
        Ufficio della Cittadinanza{zoneName ? ` — ${zoneName}` : ''}
        <br />
        Data: {formatDate(date)} · Amministratore: {adminUsername}
      </p>
      <p className="udc-print-key">{recoveryKey}</p>
      <h2>Istruzioni</h2>
      <ul>
        <li>Conserva questo foglio in cassaforte o in un armadio chiuso a chiave, lontano dal computer.</li>
        <li>
          La chiave serve a scegliere una nuova password per l&apos;amministratore se viene dimenticata, e ad aprire i dati cifrati quando nessuna password è più disponibile.
        </li>
        <li>Chi possiede la chiave può accedere ai dati: non fotografarla, non salvarla sul computer, non inviarla per posta elettronica.</li>
        <li>Non esistono copie: se la chiave e tutte le password vanno perse, i dati non si possono più aprire.</li>
      </ul>
    </div>,
    document.body,
  );
}
