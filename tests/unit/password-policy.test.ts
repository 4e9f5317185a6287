import { describe, expect, it } from 'vitest';
import { MIN_SCORE, PASSWORD_RULE, passwordProblem } from '../../shared/domain/password-policy';

describe('password policy', () => {
  it('refuses the passwords the attacker saw accepted', () => {
    expect(passwordProblem('password12')).toMatch(/^La password è troppo corta: servono almeno 12 caratteri\./);
    expect(passwordProblem('demo.as.narni1', 'demo.as.narni')).toBe(`La password non deve contenere il nome utente. ${PASSWORD_RULE}`);
  });

  it('the user name is refused whatever the case and the . _ - around it', () => {
    for (const password of ['Mario.Rossi-2026!', 'MARIOROSSI-lungo-99', 'x-mario_rossi-x-2026', 'mario.rossi']) {
      expect(passwordProblem(password.padEnd(12, '!'), 'mario.rossi'), password).toMatch(/nome utente/);
    }
    expect(passwordProblem('Cupola-Verde-Gelso-2026', 'mario.rossi')).toBeNull();
  });

  it('common words, names and sequences are too easy, with the reason in Italian', () => {
    expect(MIN_SCORE).toBe(3);
    for (const weak of ['password1234', 'qwertyuiop12', 'Francesca1990', '111111111111', 'passwordpassword']) {
      const problem = passwordProblem(weak);
      expect(problem, weak).toMatch(/^La password è troppo facile da indovinare\. \S/);
      expect(problem, weak).not.toMatch(/[Tt]he |password is|Add /);
    }
    expect(passwordProblem('password1234')).toContain('password di uso comune');
  });

  it('parts of the user name count as guessable for the estimator', () => {
    // Fine for a stranger, weak when it is the user's own (rare) surname.
    expect(passwordProblem('zampognaro12')).toBeNull();
    expect(passwordProblem('zampognaro12', 'm.zampognaro')).toMatch(/^La password è troppo facile da indovinare\. Non devono essere presenti dati personali/);
  });

  it('accepts long passphrases and the fixtures the tests use', () => {
    for (const good of ['tramonto lucido sedia', 'Cupola-Verde-Gelso-2026', 'Amministratrice-2026', 'Password-di-prova-2026']) {
      expect(passwordProblem(good, 'admin'), good).toBeNull();
    }
  });
});
