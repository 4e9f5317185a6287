import type { NoticeData } from '../../../shared/contracts/notices';

export const NOTICE_LABELS: Record<NoticeData['tipo'], string> = {
  creazione: 'Creazione dell’account',
  reset_password: 'Password reimpostata',
  profilo: 'Cambio di profilo',
  assegnazione: 'Assegnazione a una cartella',
};
