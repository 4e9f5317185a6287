/**
 * The Report's rows of the authorisation matrix (written by hand from the profiles table):
 * reports are administration (coordinatore and amministratore; only the coordinator also sees
 * the exact small counts, checked in tests/integration/reports.test.ts); the threshold is a zone
 * setting. No channel names anyone's file: every input is a period or a number.
 */
export const REPORTS_MATRIX = {
  'reports.quarter': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'reports.export': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'reports.print': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'reports.settings': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
  'reports.saveSoglia': 'AS:- ED:- PS:- AM:- SAL:- CO:B ADM:B',
} as const;

export const REPORTS_NAMES_NO_ONE = ['reports.quarter', 'reports.export', 'reports.print', 'reports.settings', 'reports.saveSoglia'] as const;

const PERIOD = { anno: 2026, trimestre: 3 };

export function reportsPayloads() {
  return {
    'reports.quarter': () => PERIOD,
    'reports.export': () => ({ ...PERIOD, formato: 'csv' as const }),
    'reports.print': () => PERIOD,
    'reports.settings': () => ({}),
    'reports.saveSoglia': () => ({ soglia: 5 }),
  };
}
