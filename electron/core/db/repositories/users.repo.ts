import type { Db } from '../open';
import type { UserData } from '../../../../shared/contracts/users';
import type { Profile } from '../../../../shared/domain/permissions';

interface UserRow {
  id: string;
  username: string;
  full_name: string;
  profile: Profile;
  sede_id: string | null;
  disabled: 0 | 1;
  must_change_password: 0 | 1;
  created_at: string;
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
  };
}

export class UsersRepository {
  constructor(private readonly db: Db) {}

  byId(id: string): UserData | null {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  byUsername(username: string): UserData | null {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    return row ? toUser(row) : null;
  }

  list(): UserData[] {
    return (this.db.prepare('SELECT * FROM users ORDER BY full_name COLLATE NOCASE').all() as UserRow[]).map(toUser);
  }

  countActiveWithProfiles(profiles: readonly Profile[]): number {
    const marks = profiles.map(() => '?').join(', ');
    return (
      this.db.prepare(`SELECT count(*) AS n FROM users WHERE disabled = 0 AND profile IN (${marks})`).get(...profiles) as { n: number }
    ).n;
  }
}
