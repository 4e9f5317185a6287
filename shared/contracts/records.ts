import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Ok, longText, text } from './common';

/**
 * The record of processing activities (art. 30 GDPR) of the zone: the parts the zone writes.
 * Retention comes from the conservazione setting and the security measures from this program
 * itself, so the printed record cannot contradict what the program does.
 */
export const RegistroFields = z.strictObject({
  titolare: text('Titolare del trattamento', 200),
  titolareContatti: longText('Recapiti del titolare', 400),
  dpo: text('Responsabile della protezione dei dati (DPO)', 200),
  dpoContatti: text('Recapiti del DPO', 400),
  finalita: longText('Finalità del trattamento', 4000, 1),
  basiGiuridiche: longText('Basi giuridiche', 4000, 1),
  categorieInteressati: longText('Categorie di interessati', 4000, 1),
  categorieDati: longText('Categorie di dati personali', 4000, 1),
  destinatari: longText('Categorie di destinatari', 4000, 1),
  trasferimenti: longText('Trasferimenti verso paesi terzi', 1000),
  misureAggiuntive: longText('Altre misure di sicurezza', 4000),
});
export type RegistroFieldsData = z.infer<typeof RegistroFields>;

export const ConservazioneAnni = z
  .number({ error: 'Anni di conservazione: indica un numero.' })
  .int({ error: 'Anni di conservazione: un numero intero.' })
  .min(1, { error: 'Anni di conservazione: almeno 1.' })
  .max(100, { error: 'Anni di conservazione: al massimo 100.' });

export const Registro = z.object({
  fields: z.object(Object.fromEntries(Object.keys(RegistroFields.shape).map((k) => [k, z.string()])) as Record<keyof RegistroFieldsData, z.ZodString>),
  conservazioneAnni: z.number(),
  /** The zone's comuni (contitolari of the joint service) and the program's own measures, as printed. */
  comuni: z.array(z.string()),
  misureProgramma: z.array(z.string()),
});
export type RegistroData = z.infer<typeof Registro>;

const PdfFile = z.object({ nomeFile: z.string(), dimensione: z.number(), downloadId: z.string() });

/** Impostazioni → Registro dei trattamenti: read, edit and print it. Administration. */
export const recordsContract = {
  'records.get': channel(Empty, Registro, 'zone.manage'),
  'records.save': channel(z.strictObject({ fields: RegistroFields, conservazioneAnni: ConservazioneAnni }), Ok, 'zone.manage'),
  'records.print': channel(Empty, PdfFile, 'zone.manage'),
};

export const recordsFeature = defineFeature('records', { prefixes: ['records'], channels: recordsContract });
