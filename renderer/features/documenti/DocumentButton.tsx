import DescriptionOutlined from '@mui/icons-material/DescriptionOutlined';
import Button from '@mui/material/Button';
import { useState } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import type { TemplateName } from '../../../shared/domain/letters';
import { allows } from '../session';
import { LetterDialog } from './LetterDialog';
import type { Subject } from './store';

/**
 * "Documento" on a person, a case, an appointment ("Convocazione") or a tirocinio: opens the
 * letter dialog for that record. Hidden for a profile that cannot print letters.
 */
export function DocumentButton({
  session,
  subject,
  label = 'Documento',
  initial,
  variant = 'outlined',
}: {
  session: SessionInfoData;
  subject: Subject;
  label?: string;
  initial?: TemplateName;
  variant?: 'outlined' | 'contained' | 'text';
}) {
  const [open, setOpen] = useState(false);
  if (!allows(session, 'letters.print')) return null;
  return (
    <>
      <Button variant={variant} startIcon={<DescriptionOutlined />} onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open ? <LetterDialog subject={subject} session={session} {...(initial ? { initial } : {})} onClose={() => setOpen(false)} /> : null}
    </>
  );
}
