import { create } from 'zustand';
import type { InputOf } from '../../../shared/contracts';
import type { UserData } from '../../../shared/contracts/users';
import { api } from '../../api/client';
import { toShownError, type ShownError } from '../../api/errors';

interface UsersState {
  users: UserData[];
  loaded: boolean;
  loading: boolean;
  /** Why the list could not be read (FORBIDDEN for a profile without users.manage). */
  error: ShownError | null;
}

export const useUsersStore = create<UsersState>(() => ({ users: [], loaded: false, loading: false, error: null }));

export const selectUsers = (s: UsersState) => s.users;
export const selectUsersLoaded = (s: UsersState) => s.loaded;
export const selectUsersLoading = (s: UsersState) => s.loading;
export const selectUsersError = (s: UsersState) => s.error;

const set = useUsersStore.setState;

export async function loadUsers(): Promise<void> {
  set({ loading: true });
  try {
    const users = await api.call('users.list', {});
    set({ users, loaded: true, loading: false, error: null });
  } catch (error) {
    set({ users: [], loaded: false, loading: false, error: toShownError(error) });
  }
}

function replace(user: UserData): void {
  const users = useUsersStore.getState().users;
  const exists = users.some((u) => u.id === user.id);
  set({ users: exists ? users.map((u) => (u.id === user.id ? user : u)) : [...users, user] });
}

// The mutations throw ApiError: the dialog that called them shows it and keeps what was typed.
export async function createUser(input: InputOf<'users.create'>): Promise<UserData> {
  const user = await api.call('users.create', input);
  replace(user);
  return user;
}

export async function updateUser(input: InputOf<'users.update'>): Promise<UserData> {
  const user = await api.call('users.update', input);
  replace(user);
  return user;
}

export async function setUserDisabled(id: string, disabled: boolean): Promise<void> {
  replace(await api.call('users.setDisabled', { id, disabled }));
}

export async function resetUserPassword(id: string, newPassword: string): Promise<void> {
  await api.call('users.resetPassword', { id, newPassword });
  // The core decides what a reset changes (the "must change" flag): read it back.
  await loadUsers();
}
