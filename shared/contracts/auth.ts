import { z } from 'zod';
import { channel, defineFeature } from './define';
import { AnyPassword, Empty, NewPassword, Ok, ProfileSchema, Username, text } from './common';
import { ACTIONS } from '../domain/permissions';
import { ComuneInput, LetterheadSchema } from './zone';
import { LIMITS } from '../domain/text';

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  profile: ProfileSchema,
  sedeId: z.string().nullable(),
});

export const SessionInfo = z.object({
  user: SessionUser,
  permissions: z.array(z.enum(ACTIONS)),
  idleTimeoutMin: z.number(),
  mustChangePassword: z.boolean(),
  locked: z.boolean(),
  workstation: z.string(),
});
export type SessionInfoData = z.infer<typeof SessionInfo>;

export const SetupSede = z.strictObject({
  nome: text('Nome della sede', 60),
  lettera: z
    .string()
    .transform((s) => s.trim().toUpperCase())
    .pipe(z.string().regex(/^[A-Z]$/, { error: 'Lettera della sede: una sola lettera.' })),
  comuneIstat: z.string().regex(/^\d{6}$/, { error: 'Scegli il comune della sede.' }),
  indirizzo: text('Indirizzo', 160),
  telefono: z
    .string()
    .max(40, { error: 'Telefono: massimo 40 caratteri.' })
    .transform((s) => s.trim()),
  rooms: z.array(text('Nome della stanza', 60)).max(50),
});

export const SetupInput = z.strictObject({
  zone: z.strictObject({
    nome: text('Nome della zona', 80),
    ente: text('Ente', 120),
    comuni: z
      .array(ComuneInput.omit({ id: true }))
      .min(1, { error: 'Serve almeno un comune.' })
      .max(400),
    sedi: z
      .array(SetupSede)
      .min(1, { error: 'Serve almeno una sede.' })
      .max(20)
      .refine((sedi) => new Set(sedi.map((s) => s.lettera)).size === sedi.length, {
        error: 'Ogni sede deve avere una lettera diversa.',
      }),
    letterhead: LetterheadSchema,
  }),
  admin: z.strictObject({
    username: Username,
    fullName: text('Nome e cognome', LIMITS.fullName.max, LIMITS.fullName.min),
    password: NewPassword,
  }),
});

export const SetupStatus = z.object({
  setUp: z.boolean(),
  workstation: z.string(),
  version: z.string(),
});

export const authContract = {
  'setup.status': channel(Empty, SetupStatus, 'public'),
  'setup.init': channel(SetupInput, z.object({ recoveryKey: z.string(), session: SessionInfo }), 'public'),
  'auth.login': channel(z.strictObject({ username: Username, password: AnyPassword }), SessionInfo, 'public'),
  'auth.current': channel(Empty, SessionInfo.nullable(), 'public'),
  'auth.unlock': channel(z.strictObject({ password: AnyPassword }), SessionInfo, 'public'),
  'auth.recover': channel(
    z.strictObject({ username: Username, recoveryKey: text('Chiave di recupero', 200), newPassword: NewPassword }),
    // The key just used is spent: the new one is shown once, to be printed.
    z.object({ recoveryKey: z.string() }),
    'public',
  ),
  'auth.logout': channel(Empty, Ok, 'session', {}, { beforePasswordChange: true }),
  'auth.lock': channel(Empty, Ok, 'session', {}, { beforePasswordChange: true }),
  'auth.ping': channel(Empty, Ok, 'session', {}, { beforePasswordChange: true }),
  'auth.changePassword': channel(z.strictObject({ currentPassword: AnyPassword, newPassword: NewPassword }), SessionInfo, 'session', {}, { beforePasswordChange: true }),
};

export const authFeature = defineFeature('auth', { prefixes: ['auth', 'setup'], channels: authContract });
