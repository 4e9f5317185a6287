import { z } from 'zod';
import { channel, defineFeature } from './define';
import { text } from './common';

/** Where someone was born or lives: an Italian comune (current or ceased) or a foreign state. */
export const PLACE_KINDS = ['comune', 'stato'] as const;

export const Place = z.object({
  /** Cadastral (Belfiore) code: F844 for Narni, Z129 for Romania. The code a codice fiscale holds. */
  belfiore: z.string(),
  /** ISTAT code of a current comune (055022); null for states and ceased comuni. */
  istat: z.string().nullable(),
  nome: z.string(),
  /** Province abbreviation (TR) of a comune; null for states. */
  provincia: z.string().nullable(),
  kind: z.enum(PLACE_KINDS),
  /** A comune merged or suppressed, or a state that no longer exists (Jugoslavia). */
  ceased: z.boolean(),
});
export type PlaceData = z.infer<typeof Place>;

export const Belfiore = z
  .string({ error: 'Codice catastale: campo obbligatorio.' })
  .max(10, { error: 'Codice catastale: una lettera e tre cifre (es. F844, o Z129 per uno stato estero).' })
  .transform((s) => s.trim().toUpperCase())
  .pipe(z.string().regex(/^[A-Z]\d{3}$/, { error: 'Codice catastale: una lettera e tre cifre (es. F844, o Z129 per uno stato estero).' }));

export const PlaceSearchInput = z.strictObject({
  query: text('Comune o stato da cercare', 60),
  kind: z.enum(['comune', 'stato', 'tutti'], { error: 'Tipo di luogo: comune, stato o tutti.' }).default('tutti'),
  includeCeased: z.boolean({ error: 'Comuni soppressi: indica sì o no.' }).default(false),
  limit: z
    .number({ error: 'Numero di risultati: indica un numero.' })
    .int({ error: 'Numero di risultati: un numero intero.' })
    .min(1, { error: 'Numero di risultati: almeno 1.' })
    .max(50, { error: 'Numero di risultati: al massimo 50.' })
    .default(20),
});

export const placesContract = {
  /** Comuni and states by name, accent- and case-insensitive (for birth place, residence, citizenship). */
  'places.search': channel(PlaceSearchInput, z.array(Place), 'session'),
  /** One place by cadastral code (e.g. the one decoded from a codice fiscale); null if unknown. */
  'places.get': channel(z.strictObject({ belfiore: Belfiore }), Place.nullable(), 'session'),
};

export const placesFeature = defineFeature('places', { prefixes: ['places'], channels: placesContract });
