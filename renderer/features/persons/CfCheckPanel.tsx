import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import type { PersonCheckData } from '../../../shared/contracts/persons';
import { formatDate } from '../../i18n/format';
import { href } from '../../router/hash-router';
import type { CfField, PersonFormState } from './person-form';
import { personPath } from './routes';
import { aLuogo, nato } from '../../../shared/domain/italian';

const FIELD_NAMES: Record<CfField, string> = { dataNascita: 'data di nascita', sesso: 'sesso', luogoNascita: 'luogo di nascita' };

/** Which of the three proposed fields differ from the decoded code (and are not empty). */
export function differingFields(form: PersonFormState, decoded: NonNullable<PersonCheckData['codiceFiscale']['decoded']>): CfField[] {
  const out: CfField[] = [];
  if (form.dataNascita !== '' && form.dataNascita !== decoded.dataNascita) out.push('dataNascita');
  if (form.sesso !== '' && form.sesso !== decoded.sesso) out.push('sesso');
  if (form.luogoNascita && form.luogoNascita.code !== decoded.luogoNascita) out.push('luogoNascita');
  return out;
}

/**
 * What the core read in the codice fiscale and in the typed data: the proposal from the code,
 * mismatches (warnings, never a block), the person who already has this code, similar people.
 */
export function CfCheckPanel({ check, form, filled, onUseCf }: { check: PersonCheckData | null; form: PersonFormState; filled: CfField[]; onUseCf: () => void }) {
  if (!check) return <Box aria-live="polite" />;
  const decoded = check.codiceFiscale.decoded;
  const differing = decoded ? differingFields(form, decoded) : [];
  return (
    <Box aria-live="polite" sx={{ display: 'grid', gap: 1, my: 1 }}>
      {check.duplicateOf ? (
        <Alert severity="error">
          Esiste già:{' '}
          <Link href={href(personPath(check.duplicateOf.id))}>
            {check.duplicateOf.nome} {check.duplicateOf.cognome}
          </Link>{' '}
          ha lo stesso codice fiscale. Apri la sua scheda invece di crearne una nuova.
        </Alert>
      ) : null}
      {check.avviso ? <Alert severity="error">{check.avviso}</Alert> : null}
      {decoded ? (
        <Alert
          severity="info"
          action={
            differing.length > 0 ? (
              <Button color="inherit" size="small" onClick={onUseCf}>
                Usa i dati del codice fiscale
              </Button>
            ) : undefined
          }
        >
          Dal codice fiscale: {nato(decoded.sesso)} il {formatDate(decoded.dataNascita)} {aLuogo(decoded.luogoNascitaNome ?? `luogo con codice ${decoded.luogoNascita}`)}, sesso{' '}
          {decoded.sesso === 'F' ? 'femminile' : 'maschile'}.{filled.length > 0 ? ` Compilati dal codice: ${filled.map((f) => FIELD_NAMES[f]).join(', ')}.` : ''}
        </Alert>
      ) : null}
      {check.warnings.length > 0 ? (
        <Alert severity="warning">
          {check.warnings.length === 1 ? (
            check.warnings[0]
          ) : (
            <Box component="ul" sx={{ m: 0, pl: 2 }}>
              {check.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </Box>
          )}{' '}
          Puoi salvare comunque: controlla i dati con un documento.
        </Alert>
      ) : null}
      {check.similar.length > 0 ? (
        <Alert severity="warning">
          Persone simili già registrate (stesso nome e data di nascita):{' '}
          {check.similar.map((p, i) => (
            <span key={p.id}>
              {i > 0 ? ', ' : ''}
              <Link href={href(personPath(p.id))}>
                {p.cognome} {p.nome}
                {p.codiceFiscale ? ` (${p.codiceFiscale})` : ''}
              </Link>
            </span>
          ))}
          . Controlla che non sia la stessa persona; se non lo è puoi salvare.
        </Alert>
      ) : null}
    </Box>
  );
}
