import { z } from 'zod';
import { channel, defineFeature } from './define';
import { Empty, Id, NewPassword, Ok, ProfileSchema, Username, text } from './common';
import { LIMITS } from '../domain/text';

export const User = z.object({
  id: z.string(),
  username: z.string(),
  fullName: z.string(),
  profile: ProfileSchema,
  sedeId: z.string().nullable(),
  disabled: z.boolean(),
  mustChangePassword: z.boolean(),
  createdAt: z.string(),
  /** A profile change waiting for a second administrator (riservato access for a new account). */
  profiloInAttesa: ProfileSchema.nullable(),
});
export type UserData = z.infer<typeof User>;

const FullName = text('Nome e cognome', LIMITS.fullName.max, LIMITS.fullName.min);

export const usersContract = {
  'users.list': channel(Empty, z.array(User), 'users.manage'),
  'users.create': channel(z.strictObject({ username: Username, fullName: FullName, profile: ProfileSchema, sedeId: Id.nullable(), password: NewPassword }), User, 'users.manage', {
    sedeId: 'sede',
  }),
  'users.update': channel(z.strictObject({ id: Id, fullName: FullName, profile: ProfileSchema, sedeId: Id.nullable() }), User, 'users.manage', { id: 'user', sedeId: 'sede' }),
  'users.setDisabled': channel(z.strictObject({ id: Id, disabled: z.boolean() }), User, 'users.manage', { id: 'user' }),
  'users.resetPassword': channel(z.strictObject({ id: Id, newPassword: NewPassword }), Ok, 'users.manage', { id: 'user' }),
  /** Colleagues to pick as case operators or readers of a riservato note: names only. */
  'users.directory': channel(z.strictObject({}), z.array(z.object({ id: z.string(), fullName: z.string(), profile: z.string() })), 'session'),
};

export const usersFeature = defineFeature('users', { prefixes: ['users'], channels: usersContract });
