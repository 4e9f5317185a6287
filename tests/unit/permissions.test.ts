import { describe, expect, it } from 'vitest';
import { ACTIONS, ACTION_LABELS, PROFILES, PROFILE_LABELS, can, forbiddenMessage, type Action, type Profile } from '../../shared/domain/permissions';

// The expected matrix written out by hand from the profiles table (ARCHITECTURE.md §8):
// X = allowed, . = refused. Columns follow EXPECTED_ACTIONS, rows EXPECTED_PROFILES.
const EXPECTED_PROFILES = ['assistente_sociale', 'educatore', 'psicologo', 'amministrativo', 'mediatore_sal', 'coordinatore', 'amministratore'] as const;

const EXPECTED_ACTIONS = [
  'persona.read', //          0
  'persona.write', //         1
  'case.summary', //          2
  'case.read', //             3
  'case.open_close', //       4
  'diary.read', //            5
  'diary.write', //           6
  'diary.reserved', //        7
  'pai.write', //             8
  'relazione.write', //       9
  'attachment.read', //      10
  'attachment.write', //     11
  'case.emergency_access', // 12
  'agenda.read', //          13
  'agenda.write', //         14
  'agenda.manage', //        14b
  'letters.print', //        15
  'protocol.write', //       16
  'sal.read', //             17
  'sal.write', //            18
  'users.manage', //         19
  'zone.manage', //          20
  'templates.manage', //     21
  'reports.view', //         22
  'audit.view', //           23
  'case.assign', //          24
  'backup.manage', //        25
  'sync.manage', //          26
  'siuss.export', //         27
  'rights.manage', //        28
  'records.scarto', //       29
  'reports.exact', //        30
] as const;

//                                       persona  case       diary   pai rel attach emerg agenda let prot sal  admin(users zone tmpl rep audit)
//                                       r  w   sum rd oc    r w res              r w          r w mng               r w                   assign backup sync siuss rights scarto exact
const MATRIX: Record<(typeof EXPECTED_PROFILES)[number], string> = {
  assistente_sociale: /*              */ 'X X  X  X  X     X X .    X   X   X X   X     X X .   X   .    X .   . . . . .  X  .  .  .  .  .  .',
  educatore: /*                       */ 'X X  X  X  .     X X .    .   .   X .   X     X X .   .   .    . .   . . . . .  .  .  .  .  .  .  .',
  psicologo: /*                       */ 'X X  X  X  .     X X X    .   X   X X   X     X X .   X   .    . .   . . . . .  .  .  .  .  .  .  .',
  amministrativo: /*                  */ 'X X  X  .  .     . . .    .   .   . .   .     X X X   X   X    . .   . . . . .  .  .  .  X  .  .  .',
  mediatore_sal: /*                   */ 'X .  X  .  .     . . .    .   .   . .   .     X X .   X   .    X X   . . . . .  .  .  .  .  .  .  .',
  coordinatore: /*                    */ 'X .  X  .  .     . . .    .   .   . .   .     X . .   .   .    X .   X X X X X  X  .  .  X  X  X  X',
  amministratore: /*                  */ '. .  .  .  .     . . .    .   .   . .   .     . . .   .   .    . .   X X X X X  .  X  X  .  .  .  .',
};

function expected(profile: Profile, action: Action): boolean {
  const row = MATRIX[profile].replace(/\s+/g, '');
  expect(row).toHaveLength(EXPECTED_ACTIONS.length);
  const index = (EXPECTED_ACTIONS as readonly string[]).indexOf(action);
  expect(index).toBeGreaterThanOrEqual(0);
  return row[index] === 'X';
}

describe('permessi: la matrice profilo × azione', () => {
  it('knows exactly the expected profiles and actions (a new one needs a row or column here)', () => {
    expect([...PROFILES]).toEqual([...EXPECTED_PROFILES]);
    expect([...ACTIONS]).toEqual([...EXPECTED_ACTIONS]);
  });

  for (const profile of EXPECTED_PROFILES) {
    for (const action of EXPECTED_ACTIONS) {
      const allowed = expected(profile, action);
      it(`${profile} ${allowed ? 'può' : 'non può'} ${action}`, () => {
        expect(can(profile, action)).toBe(allowed);
      });
    }
  }

  it('educatore has no reserved notes; psicologo has them', () => {
    expect(can('educatore', 'diary.reserved')).toBe(false);
    expect(can('psicologo', 'diary.reserved')).toBe(true);
  });

  it('only the psicologo reads reserved notes', () => {
    expect(PROFILES.filter((p) => can(p, 'diary.reserved'))).toEqual(['psicologo']);
  });

  it('istruttore amministrativo sees no diary content', () => {
    expect(can('amministrativo', 'diary.read')).toBe(false);
    expect(can('amministrativo', 'diary.write')).toBe(false);
    expect(can('amministrativo', 'diary.reserved')).toBe(false);
    expect(can('amministrativo', 'case.read')).toBe(false);
  });

  it('only amministratore and coordinatore manage users and review the audit log', () => {
    for (const action of ['users.manage', 'audit.view', 'zone.manage', 'templates.manage', 'reports.view'] as const) {
      expect(
        PROFILES.filter((p) => can(p, action)),
        action,
      ).toEqual(['coordinatore', 'amministratore']);
    }
  });

  it('only the SAL mediator edits the SAL register', () => {
    expect(PROFILES.filter((p) => can(p, 'sal.write'))).toEqual(['mediatore_sal']);
  });

  it('the SAL mediator sees only the case summary, not the case file', () => {
    expect(can('mediatore_sal', 'case.summary')).toBe(true);
    for (const action of ['case.read', 'diary.read', 'attachment.read', 'case.emergency_access'] as const) {
      expect(can('mediatore_sal', action), action).toBe(false);
    }
  });

  it('administration profiles never read case content', () => {
    for (const profile of ['coordinatore', 'amministratore'] as const) {
      for (const action of ['case.read', 'diary.read', 'diary.reserved', 'attachment.read'] as const) {
        expect(can(profile, action), `${profile} ${action}`).toBe(false);
      }
    }
  });

  it('denies by default an action nobody declared', () => {
    for (const profile of PROFILES) {
      expect(can(profile, 'case.delete' as Action)).toBe(false);
      expect(can(profile, '' as Action)).toBe(false);
      expect(can(profile, 'constructor' as Action)).toBe(false);
      expect(can(profile, 'users.manage ' as Action)).toBe(false);
      expect(can(profile, 'USERS.MANAGE' as Action)).toBe(false);
    }
  });
});

describe('permessi: messaggio di rifiuto', () => {
  it('is Italian, names the profile label and the refused action, and says the attempt was recorded', () => {
    for (const profile of PROFILES) {
      for (const action of ACTIONS) {
        const message = forbiddenMessage(profile, action);
        expect(message).toContain(`«${PROFILE_LABELS[profile]}»`);
        expect(message).toContain(ACTION_LABELS[action]);
        expect(message).toMatch(/^Il profilo «.+» non consente di .+\. Il tentativo è stato registrato nel registro degli accessi\.$/);
        expect(message).not.toMatch(/[a-z]_[a-z]/); // labels, never internal ids like mediatore_sal
        expect(message).not.toContain(action);
      }
    }
  });

  it('reads naturally for an educatore asking for reserved notes', () => {
    expect(forbiddenMessage('educatore', 'diary.reserved')).toBe(
      'Il profilo «Educatore professionale» non consente di leggere e scrivere note riservate. Il tentativo è stato registrato nel registro degli accessi.',
    );
  });

  it('every profile and action has a distinct, non-empty label', () => {
    const profileLabels = PROFILES.map((p) => PROFILE_LABELS[p]);
    const actionLabels = ACTIONS.map((a) => ACTION_LABELS[a]);
    for (const label of [...profileLabels, ...actionLabels]) expect(label.trim().length).toBeGreaterThan(0);
    expect(new Set(profileLabels).size).toBe(PROFILES.length);
    expect(new Set(actionLabels).size).toBe(ACTIONS.length);
  });
});
