import type { Db } from '../open';
import type { RowOf } from '../schema';
import type { UserData } from '../../../../shared/contracts/users';
import { PROFILES, type Profile } from '../../../../shared/domain/permissions';

interface UserRow extends RowOf<'users'> {
  /** The profile a change waiting for a second administrator would give. */
  profilo_in_attesa: string | null;
}

const USER = `SELECT u.*, (SELECT json_extract(n.azione, '$.profile') FROM account_notices n
   WHERE n.user_id = u.id AND n.stato = 'da_confermare' AND n.tipo = 'profilo' ORDER BY n.at DESC LIMIT 1) AS profilo_in_attesa FROM users u`;

function pendingProfile(value: string | null): Profile | null {
  return value !== null && (PROFILES as readonly string[]).includes(value) ? (value as Profile) : null;
}

function toUser(r: UserRow): UserData {
  return {
    id: r.id,
    username: r.username,
    fullName: r.full_name,
    profile: r.profile,
    sedeId: r.sede_id,
    disabled: r.disabled === 1,
    mustChangePassword: r.must_change_password === 1,
    createdAt: r.created_at,
    profiloInAttesa: pendingProfile(r.profilo_in_attesa),
  };
}

export class UsersRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): UserData | null {
    const row = this.db.prepare(`${USER} WHERE u.id = ?`).get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  byUsername(username: string): UserData | null {
    const row = this.db.prepare(`${USER} WHERE u.username = ?`).get(username) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  list(): UserData[] {
    return (this.db.prepare(`${USER} ORDER BY u.full_name COLLATE NOCASE`).all() as UserRow[]).map(toUser);
  }

  countActiveWithProfiles(profiles: readonly Profile[]): number {
    const marks = profiles.map(() => '?').join(', ');
    return (this.db.prepare(`SELECT count(*) AS n FROM users WHERE disabled = 0 AND profile IN (${marks})`).get(...profiles) as { n: number }).n;
  }
}
