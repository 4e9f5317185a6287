import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import { useRef, useState, type FormEvent } from 'react';
import { BeneficiarioFields as FieldsSchema } from '../../../shared/contracts/sal';
import { checkWithSchema, toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageTitle } from '../../components/PageTitle';
import { useFocusOnError } from '../../components/useFocusOnError';
import { href, navigate } from '../../router/hash-router';
import { BeneficiarioForm, EMPTY_BENEFICIARIO, type BeneficiarioFields } from './BeneficiarioForm';
import { salPath } from './routes';
import { enrol } from './store';

/** #/sal/iscrivi/<caseId>: the person of this case enters the SAL register; nothing is retyped. */
export function EnrolPage({ caseId }: { caseId: string }) {
  const [fields, setFields] = useState<BeneficiarioFields>(EMPTY_BENEFICIARIO);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problem = checkWithSchema(FieldsSchema, fields, 'fields');
    if (problem) return setError(problem);
    setBusy(true);
    try {
      const { id } = await enrol({ caseId, fields });
      navigate(salPath.beneficiario(id));
    } catch (e) {
      setError(toShownError(e));
      setBusy(false);
    }
  };
  return (
    <>
      <Link href={href(`/cartelle/${caseId}`)}>← Torna alla cartella</Link>
      <PageTitle>Iscrizione al registro SAL</PageTitle>
      <Alert severity="info" sx={{ mb: 2 }}>
        I dati anagrafici restano quelli della cartella: qui si indicano solo il servizio inviante e il profilo per l’inserimento lavorativo.
      </Alert>
      <form onSubmit={(e) => void submit(e)} noValidate ref={formRef}>
        <ErrorAlert error={error} />
        <BeneficiarioForm value={fields} onChange={setFields} error={error} />
        <Box sx={{ mt: 3, display: 'flex', gap: 2 }}>
          <Button type="submit" variant="contained" loading={busy}>
            Iscrivi al SAL
          </Button>
          <Button href={href(`/cartelle/${caseId}`)}>Annulla</Button>
        </Box>
      </form>
    </>
  );
}
