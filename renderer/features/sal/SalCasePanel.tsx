import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useEffect, useState } from 'react';
import { href } from '../../router/hash-router';
import { salPath } from './routes';
import { beneficiarioForCase } from './store';

/** On a case file, for the SAL: the person's place in the register, or the way in. */
export function SalCasePanel({ caseId, canEnrol }: { caseId: string; canEnrol: boolean }) {
  const [state, setState] = useState<{ caseId: string; id: string | null } | null>(null);
  useEffect(() => {
    let live = true;
    beneficiarioForCase(caseId).then(
      (r) => live && setState({ caseId, id: r.beneficiarioId }),
      () => live && setState(null),
    );
    return () => {
      live = false;
    };
  }, [caseId]);
  if (!state || state.caseId !== caseId) return null;
  if (state.id) {
    return (
      <Alert severity="info" sx={{ mb: 2 }} action={<Button href={href(salPath.beneficiario(state.id))}>Apri nel registro SAL</Button>}>
        Questa persona è iscritta al Servizio di Accompagnamento al Lavoro.
      </Alert>
    );
  }
  if (!canEnrol) return null;
  return (
    <Alert severity="info" sx={{ mb: 2 }} action={<Button href={href(salPath.iscrivi(caseId))}>Iscrivi al SAL</Button>}>
      La persona non è nel registro SAL: puoi iscriverla da questa cartella.
    </Alert>
  );
}
