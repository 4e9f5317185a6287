/** Names of the places a person record points to (Belfiore codes, ISTAT codes). */
export interface PlaceNames {
  byBelfiore(code: string): string | null;
  byIstat(code: string): string | null;
}

export const NO_PLACE_NAMES: PlaceNames = { byBelfiore: () => null, byIstat: () => null };
