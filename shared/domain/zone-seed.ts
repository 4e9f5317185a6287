/**
 * The zone the program ships with: Zona Sociale 11 (Umbria), Narni capofila. Everything here
 * is editable by the administrator afterwards, so another zone can use the program.
 */
export interface SeedComune {
  istat: string;
  catastale: string;
  nome: string;
  provincia: string;
}

export interface SeedSede {
  nome: string;
  /** Letter carried by human numbers (fascicolo 2026/N-0042), unique per sede. */
  lettera: string;
  comuneIstat: string;
  indirizzo: string;
  telefono: string;
  rooms: string[];
}

export interface SeedZone {
  nome: string;
  ente: string;
  capofilaIstat: string;
  comuni: SeedComune[];
  sedi: SeedSede[];
  letterhead: { intestazione: string; sottotitolo: string; indirizzo: string; contatti: string };
}

export const ZONA_SOCIALE_11: SeedZone = {
  nome: 'Zona Sociale 11',
  ente: 'Comune di Narni (capofila)',
  capofilaIstat: '055022',
  comuni: [
    { istat: '055003', catastale: 'A242', nome: 'Alviano', provincia: 'TR' },
    { istat: '055004', catastale: 'A262', nome: 'Amelia', provincia: 'TR' },
    { istat: '055006', catastale: 'A490', nome: 'Attigliano', provincia: 'TR' },
    { istat: '055033', catastale: 'M258', nome: 'Avigliano Umbro', provincia: 'TR' },
    { istat: '055008', catastale: 'B446', nome: "Calvi dell'Umbria", provincia: 'TR' },
    { istat: '055014', catastale: 'E045', nome: 'Giove', provincia: 'TR' },
    { istat: '055015', catastale: 'E241', nome: 'Guardea', provincia: 'TR' },
    { istat: '055016', catastale: 'E729', nome: 'Lugnano in Teverina', provincia: 'TR' },
    { istat: '055017', catastale: 'F457', nome: 'Montecastrilli', provincia: 'TR' },
    { istat: '055022', catastale: 'F844', nome: 'Narni', provincia: 'TR' },
    { istat: '055024', catastale: 'G189', nome: 'Otricoli', provincia: 'TR' },
    { istat: '055026', catastale: 'G432', nome: 'Penna in Teverina', provincia: 'TR' },
  ],
  sedi: [
    {
      nome: 'Narni',
      lettera: 'N',
      comuneIstat: '055022',
      indirizzo: 'Piazza dei Priori, 1 - 05035 Narni (TR)',
      telefono: '0744 747 1',
      rooms: ['Sala colloqui 1', 'Sala colloqui 2', 'Sala riunioni'],
    },
    {
      nome: 'Amelia',
      lettera: 'A',
      comuneIstat: '055004',
      indirizzo: 'Piazza Matteotti, 3 - 05022 Amelia (TR)',
      telefono: '0744 976 1',
      rooms: ['Sala colloqui', 'Sala riunioni'],
    },
  ],
  letterhead: {
    intestazione: 'Zona Sociale 11 - Ufficio della Cittadinanza',
    sottotitolo:
      'Comuni di Alviano, Amelia, Attigliano, Avigliano Umbro, Calvi dell’Umbria, Giove, Guardea, Lugnano in Teverina, Montecastrilli, Narni (capofila), Otricoli, Penna in Teverina',
    indirizzo: 'Comune di Narni, Piazza dei Priori, 1 - 05035 Narni (TR)',
    contatti: 'PEC: comune.narni@postacert.umbria.it',
  },
};
