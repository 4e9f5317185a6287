import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Id, Ok } from './common';

/** GDPR art. 15 ("who accessed my data") and the coordinator's review of emergency accesses. */
export const privacyContract = {
  'privacy.accessReport': channel(
    z.strictObject({ personId: Id }),
    z.object({
      person: z.object({ id: z.string(), cognome: z.string(), nome: z.string(), codiceFiscale: z.string() }),
      rows: z.array(
        z.object({
          at: z.string(),
          username: z.string().nullable(),
          profile: z.string().nullable(),
          workstation: z.string(),
          action: z.string(),
          oggetto: z.string().nullable(),
          purpose: z.string().nullable(),
          outcome: z.string(),
        }),
      ),
    }),
    'audit.view',
    { personId: 'person:read' },
  ),
  'privacy.emergencies': channel(
    z.strictObject({ onlyUnseen: z.boolean().default(true) }),
    z.array(
      z.object({ id: z.string(), at: z.string(), user: z.string(), caseId: z.string(), caseNumero: z.string(), personName: z.string(), motivo: z.string(), visto: z.boolean() }),
    ),
    'audit.view',
  ),
  'privacy.markEmergencySeen': channel(z.strictObject({ id: Id }), Ok, 'audit.view', { id: 'emergency' }),
};

export const privacyFeature = defineFeature('privacy', { prefixes: ['privacy'], channels: privacyContract });
