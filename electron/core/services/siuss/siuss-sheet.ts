import { SIUSS_COLUMNS } from '../../../../shared/domain/siuss';
import type { ColumnKind, Sheet } from '../../files/spreadsheet';
import type { PlanLine } from './siuss-plan';

const KINDS: Record<(typeof SIUSS_COLUMNS)[number], ColumnKind> = {
  TipoOperazione: 'text',
  IdErogazione: 'text',
  CodiceFiscaleBeneficiario: 'text',
  Cognome: 'text',
  Nome: 'text',
  CodicePrestazione: 'text',
  DescrizionePrestazione: 'text',
  DataInizio: 'date',
  DataFine: 'date',
  DataErogazione: 'date',
  Importo: 'euro',
  QuotaEnte: 'euro',
  QuotaUtente: 'euro',
  OreMensili: 'number',
  ProtocolloDSU: 'text',
  PresaInCarico: 'text',
  AreaUtenza: 'number',
  NumeroCartella: 'text',
};

/** The batch as one sheet, the same columns in CSV and XLSX (README, "Flusso SIUSS"). */
export function siussSheet(periodo: string, lines: readonly PlanLine[]): Sheet {
  return {
    name: `SIUSS ${periodo}`,
    columns: SIUSS_COLUMNS.map((header) => ({ header, kind: KINDS[header], width: header.length + 4 })),
    rows: lines.map(({ tipo, record: r }) => [
      tipo,
      r.idErogazione,
      r.codiceFiscale,
      r.cognome,
      r.nome,
      r.codicePrestazione,
      r.descrizione,
      r.dataInizio,
      r.dataFine,
      r.dataErogazione,
      r.importoCents,
      r.quotaEnteCents,
      r.quotaUtenteCents,
      r.oreMensili ?? null,
      r.protocolloDsu,
      r.presaInCarico,
      r.areaUtenza,
      r.numeroCartella,
    ]),
  };
}
