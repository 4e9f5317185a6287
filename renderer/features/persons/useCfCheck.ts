import { useEffect, useState } from 'react';
import type { InputOf } from '../../../shared/contracts';
import type { PersonCheckData } from '../../../shared/contracts/persons';
import type { PersonFormState } from './person-form';
import { checkPerson } from './store';

const DEBOUNCE_MS = 300;
type CheckInput = InputOf<'persons.check'>;

function worthAsking(input: CheckInput): boolean {
  return input.codiceFiscale !== '' || (input.cognome !== '' && input.nome !== '' && Boolean(input.dataNascita));
}

/**
 * The core's reading of what is being typed (persons.check): the codice fiscale validated and
 * decoded, mismatches with the typed data, an existing person with the same code, similar ones.
 * Asked 300 ms after the last change; only the newest answer is kept.
 */
export function useCfCheck(form: PersonFormState, personId: string | null): PersonCheckData | null {
  const [check, setCheck] = useState<PersonCheckData | null>(null);
  const input: CheckInput = {
    id: personId,
    codiceFiscale: form.codiceFiscale.replace(/\s+/g, '').toUpperCase().slice(0, 20),
    cognome: form.cognome.trim().slice(0, 80),
    nome: form.nome.trim().slice(0, 80),
    dataNascita: /^\d{4}-\d{2}-\d{2}$/.test(form.dataNascita) ? form.dataNascita : null,
    sesso: form.sesso === '' ? null : form.sesso,
    luogoNascita: form.luogoNascita?.code ?? null,
  };
  const key = JSON.stringify(input);

  useEffect(() => {
    const request = JSON.parse(key) as CheckInput;
    if (!worthAsking(request)) return;
    let current = true;
    const timer = window.setTimeout(() => {
      checkPerson(request).then(
        (answer) => {
          if (current) setCheck(answer);
        },
        () => {
          // A check that fails (e.g. a half-typed date the core refuses) says nothing; saving will.
          if (current) setCheck(null);
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [key]);

  return worthAsking(input) ? check : null;
}
