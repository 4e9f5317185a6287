import { describe, expect, it } from 'vitest';
import { loadPlaces } from '../../electron/core/places/places';
import { COMUNI_WITH_CENTRE, centreName, distanceKm } from '../../shared/domain/sal/distance';
import { ZONA_SOCIALE_11 } from '../../shared/domain/zone-seed';

describe('distances between comuni for SAL matching', () => {
  it('knows every comune of the zone', () => {
    for (const c of ZONA_SOCIALE_11.comuni) expect(COMUNI_WITH_CENTRE, c.nome).toContain(c.istat);
  });
  it('every ISTAT code of the table is the comune it names in the official list', async () => {
    const places = await loadPlaces();
    const norm = (s: string) => s.replace(/[’']/g, "'").toLowerCase();
    for (const istat of COMUNI_WITH_CENTRE) expect(norm(places.byIstat(istat)?.nome ?? '(sconosciuto)'), istat).toBe(norm(centreName(istat)!));
  }, 60_000);
  it('Narni–Amelia is about 9 km, Narni–Terni about 11, symmetric, zero to itself', () => {
    const na = distanceKm('055022', '055004')!;
    expect(na).toBeGreaterThan(8);
    expect(na).toBeLessThan(10.5);
    expect(distanceKm('055004', '055022')).toBe(na);
    const nt = distanceKm('055022', '055032')!;
    expect(nt).toBeGreaterThan(10);
    expect(nt).toBeLessThan(12.5);
    expect(distanceKm('055022', '055022')).toBe(0);
  });
  it('no distance for a comune not in the table', () => {
    expect(distanceKm('055022', '058091')).toBeNull();
  });
});
