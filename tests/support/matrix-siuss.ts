/**
 * The SIUSS flow's rows of the authorisation matrix (written by hand from the profiles table):
 * the flow names every beneficiario of the zone, so only the desk (amministrativo) and the
 * coordinator, who send it to INPS, may check, export and list it. No input names anyone.
 */
export const SIUSS_MATRIX = {
  'siuss.verify': 'AS:- ED:- PS:- AM:B SAL:- CO:B ADM:-',
  'siuss.export': 'AS:- ED:- PS:- AM:B SAL:- CO:B ADM:-',
  'siuss.batches': 'AS:- ED:- PS:- AM:B SAL:- CO:B ADM:-',
} as const;

export const SIUSS_NAMES_NO_ONE = ['siuss.verify', 'siuss.export', 'siuss.batches'] as const;

export const SIUSS_PAYLOADS = {
  'siuss.verify': () => ({ periodo: '2027-T1' }),
  'siuss.export': () => ({ periodo: '2027-T1', formato: 'csv' }),
  'siuss.batches': () => ({}),
};
