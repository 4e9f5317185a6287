import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, Ok, optionalText, text, Empty, ProfileSchema } from './common';

export const ComuneInput = z.strictObject({
  id: Id.optional(),
  istat: z.string().regex(/^\d{6}$/, { error: 'Codice ISTAT: sei cifre (es. 055022).' }),
  catastale: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]\d{3}$/, { error: 'Codice catastale: una lettera e tre cifre (es. F844).' })),
  nome: text('Nome del comune', 80),
  provincia: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]{2}$/, { error: 'Provincia: sigla di due lettere (es. TR).' })),
});

export const RoomInput = z.strictObject({
  id: Id.optional(),
  sedeId: Id,
  nome: text('Nome della stanza', 60),
  attiva: z.boolean(),
});

export const SedeInput = z.strictObject({
  id: Id.optional(),
  nome: text('Nome della sede', 60),
  lettera: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]$/, { error: 'Lettera della sede: una sola lettera (es. N).' })),
  comuneIstat: z.string().regex(/^\d{6}$/, { error: 'Scegli il comune della sede.' }),
  indirizzo: text('Indirizzo', 160),
  telefono: optionalText('Telefono', 40),
});

export const LetterheadSchema = z.strictObject({
  intestazione: text('Intestazione', 160),
  sottotitolo: optionalText('Sottotitolo', 400),
  indirizzo: optionalText('Indirizzo', 200),
  contatti: optionalText('Contatti', 200),
});

export const ZoneSettingsInput = z.strictObject({
  nome: text('Nome della zona', 80),
  ente: text('Ente', 120),
  letterhead: LetterheadSchema,
  idleTimeoutMin: z
    .number({ error: 'Blocco automatico: indica i minuti.' })
    .int({ error: 'Blocco automatico: minuti interi.' })
    .min(1, { error: 'Blocco automatico: almeno 1 minuto.' })
    .max(120, { error: 'Blocco automatico: al massimo 120 minuti.' }),
  regoleCartelle: z
    .strictObject({
      responsabiliProfili: z.array(ProfileSchema).min(1, { error: 'Indica almeno un profilo che può essere responsabile di una cartella.' }).max(7),
      exOperatoreLeggePropri: z.boolean(),
    })
    .optional(),
});

export const Comune = z.object({ id: z.string(), istat: z.string(), catastale: z.string(), nome: z.string(), provincia: z.string() });
export const Room = z.object({ id: z.string(), sedeId: z.string(), nome: z.string(), attiva: z.boolean() });
export const Sede = z.object({
  id: z.string(),
  nome: z.string(),
  lettera: z.string(),
  comuneIstat: z.string(),
  indirizzo: z.string(),
  telefono: z.string(),
  rooms: z.array(Room),
});
export const Zone = z.object({
  nome: z.string(),
  ente: z.string(),
  letterhead: z.object({ intestazione: z.string(), sottotitolo: z.string(), indirizzo: z.string(), contatti: z.string() }),
  idleTimeoutMin: z.number(),
  /** Who may be operatore responsabile; whether a former operator keeps reading what he wrote. */
  regoleCartelle: z.object({ responsabiliProfili: z.array(ProfileSchema), exOperatoreLeggePropri: z.boolean() }),
  comuni: z.array(Comune),
  sedi: z.array(Sede),
});

export type ZoneData = z.infer<typeof Zone>;
export type SedeData = z.infer<typeof Sede>;

export const zoneContract = {
  'zone.get': channel(Empty, Zone, 'session', {}, { beforePasswordChange: true }),
  /** The same data, for the settings page: reading it there is an administrative act. */
  'zone.settings': channel(Empty, Zone, 'zone.manage'),
  'zone.update': channel(ZoneSettingsInput, Ok, 'zone.manage'),
  'zone.saveComune': channel(ComuneInput, Comune, 'zone.manage', { id: 'comune' }),
  'zone.saveSede': channel(SedeInput, Sede, 'zone.manage', { id: 'sede' }),
  'zone.saveRoom': channel(RoomInput, Room, 'zone.manage', { id: 'room', sedeId: 'sede' }),
};

export const zoneFeature = defineFeature('zone', { prefixes: ['zone'], channels: zoneContract });
