/**
 * Where the comuni of Zona Sociale 11 and their neighbours are, for matching a beneficiario with
 * host companies within the distance he can travel. Coordinates of each comune's centre (the
 * municipio, to about a kilometre), in decimal degrees; distances are as the crow flies, which the
 * screens say. A comune not in the table has no distance (shown as "distanza non nota").
 */
const CENTRES: Record<string, { nome: string; lat: number; lon: number }> = {
  '055003': { nome: 'Alviano', lat: 42.5888, lon: 12.2976 },
  '055004': { nome: 'Amelia', lat: 42.5535, lon: 12.4163 },
  '055006': { nome: 'Attigliano', lat: 42.5154, lon: 12.2937 },
  '055033': { nome: 'Avigliano Umbro', lat: 42.6545, lon: 12.4284 },
  '055008': { nome: 'Calvi dell’Umbria', lat: 42.4019, lon: 12.568 },
  '055014': { nome: 'Giove', lat: 42.5108, lon: 12.3311 },
  '055015': { nome: 'Guardea', lat: 42.6237, lon: 12.2999 },
  '055016': { nome: 'Lugnano in Teverina', lat: 42.5749, lon: 12.3325 },
  '055017': { nome: 'Montecastrilli', lat: 42.6504, lon: 12.4882 },
  '055022': { nome: 'Narni', lat: 42.5176, lon: 12.5156 },
  '055024': { nome: 'Otricoli', lat: 42.4206, lon: 12.4776 },
  '055026': { nome: 'Penna in Teverina', lat: 42.4937, lon: 12.3579 },
  // Neighbours where people of the zone often work.
  '055032': { nome: 'Terni', lat: 42.5636, lon: 12.6427 },
  '055023': { nome: 'Orvieto', lat: 42.7186, lon: 12.1107 },
  '055029': { nome: 'San Gemini', lat: 42.6126, lon: 12.5458 },
  '055031': { nome: 'Stroncone', lat: 42.4997, lon: 12.6588 },
  '055001': { nome: 'Acquasparta', lat: 42.6905, lon: 12.5446 },
  '055007': { nome: 'Baschi', lat: 42.6708, lon: 12.217 },
  '054052': { nome: 'Todi', lat: 42.781, lon: 12.4069 },
  '056042': { nome: 'Orte', lat: 42.4603, lon: 12.3866 },
};

/** The ISTAT codes the table knows, for tests and the settings screen. */
export const COMUNI_WITH_CENTRE: readonly string[] = Object.keys(CENTRES);

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Kilometres between two comuni's centres (one decimal), or null if either is not in the table. */
export function distanceKm(fromIstat: string, toIstat: string): number | null {
  const a = CENTRES[fromIstat];
  const b = CENTRES[toIstat];
  if (!a || !b) return null;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h)) * 10) / 10;
}

export function centreName(istat: string): string | null {
  return CENTRES[istat]?.nome ?? null;
}
