import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Id, isoDate, longText, text } from './common';

export const ScartoCase = z.object({
  id: z.string(),
  numero: z.string(),
  persona: z.string(),
  area: z.string(),
  sede: z.string(),
  apertaIl: z.string(),
  chiusaIl: z.string(),
});

export const Scarto = z.object({
  id: z.string(),
  stato: z.enum(['esportato', 'eseguito']),
  cartelle: z.number(),
  numeri: z.array(z.string()),
  autorizzazione: z.string(),
  esportatoIl: z.string(),
  eseguitoIl: z.string().nullable(),
  sha256: z.string(),
  /** Size of the sealed export in bytes. */
  dimensione: z.number(),
  /** The sealed export is kept in the office's data folder (exports made before it was kept are not). */
  conservato: z.boolean(),
});
export type ScartoData = z.infer<typeof Scarto>;

export const Autorizzazione = z.strictObject({
  ente: text('Ente che autorizza', 200),
  numero: text('Numero dell’autorizzazione', 60),
  data: isoDate('Data dell’autorizzazione'),
});

/** The shortest passphrase accepted for the export's encryption. */
export const EXPORT_PASSPHRASE_MIN = 12;

const Passphrase = z
  .string()
  .min(EXPORT_PASSPHRASE_MIN, { error: `Frase di cifratura: almeno ${EXPORT_PASSPHRASE_MIN} caratteri.` })
  .max(200, { error: 'Frase di cifratura: al massimo 200 caratteri.' });

/** What an opened export holds, as the screen lists it: each case file and how much of it was kept. */
export const ScartoContents = z.object({
  scartoId: z.string(),
  creatoIl: z.string(),
  autorizzazione: z.string(),
  note: z.string(),
  cartelle: z.array(
    z.object({ numero: z.string(), persona: z.string(), codiceFiscale: z.string(), apertaIl: z.string(), chiusaIl: z.string(), righe: z.number(), allegati: z.number() }),
  ),
  righe: z.number(),
  allegati: z.number(),
});

/**
 * Conservazione e scarto: closed case files past the zone's retention are listed; an authorised
 * scarto records the authorisation, exports the files whole (encrypted with a passphrase the
 * user chooses), then empties them through the write path. No other channel removes case files.
 */
export const retentionContract = {
  'retention.candidates': channel(
    Empty,
    z.object({ conservazioneAnni: z.number(), chiuseEntro: z.string(), cases: z.array(ScartoCase), scarti: z.array(Scarto) }),
    'records.scarto',
  ),
  'retention.export': channel(
    z.strictObject({
      caseIds: z.array(Id).min(1, { error: 'Scegli almeno una cartella.' }).max(500, { error: 'Al massimo 500 cartelle per scarto.' }),
      autorizzazione: Autorizzazione,
      note: longText('Note', 2000),
      passphrase: Passphrase,
    }),
    z.object({ scartoId: z.string(), nomeFile: z.string(), dimensione: z.number(), downloadId: z.string(), sha256: z.string() }),
    'records.scarto',
    { caseIds: 'case:any' },
  ),
  'retention.execute': channel(
    z.strictObject({
      scartoId: Id,
      /** The export's hash as the window received it: the scarto runs only after that export. */
      sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'Esportazione non valida: ripeti l’esportazione.' }),
      confirm: z.literal(true, { error: 'Conferma di aver salvato l’esportazione.' }),
    }),
    z.object({ cartelle: z.number(), celle: z.number(), file: z.number() }),
    'records.scarto',
    { scartoId: 'scarto' },
  ),
  /** The kept export, decrypted in the core with the passphrase and listed: nothing of it is written anywhere. */
  'retention.open': channel(z.strictObject({ scartoId: Id, passphrase: Passphrase }), ScartoContents, 'records.scarto', { scartoId: 'scarto' }),
  /** The kept export again, sealed as it was (the passphrase is still needed to read it). */
  'retention.saveCopy': channel(
    z.strictObject({ scartoId: Id }),
    z.object({ nomeFile: z.string(), dimensione: z.number(), downloadId: z.string(), sha256: z.string() }),
    'records.scarto',
    { scartoId: 'scarto' },
  ),
};

export const retentionFeature = defineFeature('retention', { prefixes: ['retention'], channels: retentionContract });
