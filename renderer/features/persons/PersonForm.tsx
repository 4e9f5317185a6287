import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { PersonFields, type PersonCheckData, type PersonDetailData } from '../../../shared/contracts/persons';
import { checkWithSchema, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusOnError } from '../../components/useFocusOnError';
import { navigate } from '../../router/hash-router';
import { CfCheckPanel } from './CfCheckPanel';
import { fieldsFromForm, type CfField, type PersonFormState } from './person-form';
import { FormSection, IdentityFields, OtherFields, ResidenceFields } from './PersonFormSections';
import { personPath } from './routes';
import { createPerson, updatePerson } from './store';
import { useCfCheck } from './useCfCheck';

/**
 * Create or edit a persona. Birth date, sex and place are proposed from the codice fiscale: an
 * empty field is filled (and stays "from the code" until the user edits it); a typed value is
 * never overwritten unless the user asks, and a mismatch is only a warning.
 */
type Decoded = NonNullable<PersonCheckData['codiceFiscale']['decoded']>;
const CF_FIELDS: CfField[] = ['dataNascita', 'sesso', 'luogoNascita'];

function proposal(d: Decoded): Pick<PersonFormState, CfField> {
  return {
    dataNascita: d.dataNascita,
    sesso: d.sesso,
    luogoNascita: { code: d.luogoNascita, nome: d.luogoNascitaNome ?? d.luogoNascita, detail: d.luogoNascita.startsWith('Z') ? 'stato estero' : '' },
  };
}

export function PersonForm({ initial, personId }: { initial: PersonFormState; personId: string | null }) {
  const [form, setForm] = useState(initial);
  const [fromCf, setFromCf] = useState<CfField[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);
  const check = useCfCheck(form, personId);
  const decoded = check?.codiceFiscale.decoded ?? null;

  const update = (patch: Partial<PersonFormState>, typed?: CfField) => {
    setForm((f) => ({ ...f, ...patch }));
    if (typed) setFromCf((list) => list.filter((x) => x !== typed));
  };

  // Fill what is empty, or what came from an earlier version of the code; never what was typed.
  const latest = useRef({ form, fromCf });
  useEffect(() => {
    latest.current = { form, fromCf };
  });
  const decodedKey = decoded ? JSON.stringify(decoded) : '';
  useEffect(() => {
    if (!decodedKey) return;
    const proposed = proposal(JSON.parse(decodedKey) as Decoded);
    const { form: f, fromCf: filled } = latest.current;
    const empty: Record<CfField, boolean> = { dataNascita: f.dataNascita === '', sesso: f.sesso === '', luogoNascita: f.luogoNascita === null };
    const fill = CF_FIELDS.filter((k) => empty[k] || filled.includes(k));
    if (fill.length === 0) return;
    setForm((prev) => ({ ...prev, ...Object.fromEntries(fill.map((k) => [k, proposed[k]])) }));
    setFromCf((list) => [...new Set([...list, ...fill])]);
  }, [decodedKey]);

  const useCf = () => {
    if (!decoded) return;
    setForm((f) => ({ ...f, ...proposal(decoded) }));
    setFromCf(CF_FIELDS);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const fields = fieldsFromForm(form);
    // The contract's schema first, so every field's problem shows at once.
    const problem = checkWithSchema(PersonFields, fields);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const saved: PersonDetailData = personId ? await updatePerson(personId, fields) : await createPerson(fields);
      navigate(personPath(saved.person.id));
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };

  const props = { form, update, error };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate ref={formRef} aria-label={personId ? 'Modifica della persona' : 'Nuova persona'}>
      <ErrorAlert error={error} sx={{ mt: 0 }} />
      <FormSection id="sezione-anagrafica" title="Dati anagrafici">
        <IdentityFields {...props} check={check} />
        <CfCheckPanel check={check} form={form} filled={fromCf} onUseCf={useCf} />
      </FormSection>
      <FormSection id="sezione-residenza" title="Residenza e recapiti">
        <ResidenceFields {...props} />
      </FormSection>
      <FormSection id="sezione-altro" title="Studio, lavoro, invalidità e tutela">
        <OtherFields {...props} />
      </FormSection>
      <Box sx={{ display: 'flex', gap: 2, justifyContent: 'flex-end', position: 'sticky', bottom: 0, py: 2, bgcolor: 'background.default' }}>
        <Button onClick={() => navigate(personId ? personPath(personId) : '/persone')} disabled={busy}>
          Annulla
        </Button>
        <Button type="submit" variant="contained" loading={busy}>
          Salva
        </Button>
      </Box>
    </form>
  );
}
