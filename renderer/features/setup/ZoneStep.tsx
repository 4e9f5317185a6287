import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Grid from '@mui/material/Grid';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { fieldMessage } from '../../api/errors';
import { SedeFields } from './SedeFields';
import { selectError, selectZoneDraft, updateLetterhead, updateZone, useSetupStore } from './store';
import { maxLengthOf } from '../../../shared/contracts/limits';
import { SetupInput } from '../../../shared/contracts/auth';

const ZONE = SetupInput.shape.zone.shape;

export function ZoneStep() {
  const zone = useSetupStore(selectZoneDraft);
  const error = useSetupStore(selectError);
  const invalid = (name: string) => ({ error: Boolean(fieldMessage(error, name)), helperText: fieldMessage(error, name) });

  return (
    <>
      <Typography sx={{ mb: 2 }}>
        I dati sono già compilati per la Zona Sociale 11. Controllali e correggi quello che serve: tutto resta modificabile in seguito da Impostazioni.
      </Typography>

      <Box component="section" aria-labelledby="setup-zona" sx={{ mb: 3 }}>
        <Typography variant="h3" component="h3" id="setup-zona">
          La zona
        </Typography>
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Nome della zona"
              value={zone.nome}
              onChange={(e) => updateZone({ nome: e.target.value })}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.nome) } }}
              {...invalid('zone.nome')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Ente"
              value={zone.ente}
              onChange={(e) => updateZone({ ente: e.target.value })}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.ente) } }}
              {...invalid('zone.ente')}
            />
          </Grid>
        </Grid>
      </Box>

      <Box component="section" aria-labelledby="setup-comuni" sx={{ mb: 3 }}>
        <Typography variant="h3" component="h3" id="setup-comuni">
          I {zone.comuni.length} comuni
        </Typography>
        <Alert severity="info" sx={{ my: 1 }}>
          L&apos;elenco dei comuni si potrà modificare in seguito in Impostazioni, scheda Zona.
        </Alert>
        <TableContainer sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}>
          <Table size="small" aria-labelledby="setup-comuni">
            <TableHead>
              <TableRow>
                <TableCell>Comune</TableCell>
                <TableCell>Codice ISTAT</TableCell>
                <TableCell>Codice catastale</TableCell>
                <TableCell>Provincia</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {zone.comuni.map((c) => (
                <TableRow key={c.istat}>
                  <TableCell component="th" scope="row">
                    {c.nome}
                  </TableCell>
                  <TableCell>{c.istat}</TableCell>
                  <TableCell>{c.catastale}</TableCell>
                  <TableCell>{c.provincia}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      </Box>

      <Box component="section" aria-labelledby="setup-sedi" sx={{ mb: 3 }}>
        <Typography variant="h3" component="h3" id="setup-sedi">
          Le sedi
        </Typography>
        {zone.sedi.map((sede, index) => (
          <SedeFields key={index} index={index} sede={sede} comuni={zone.comuni} error={error} />
        ))}
      </Box>

      <Box component="section" aria-labelledby="setup-carta">
        <Typography variant="h3" component="h3" id="setup-carta">
          Carta intestata
        </Typography>
        <TextField
          label="Intestazione"
          value={zone.letterhead.intestazione}
          onChange={(e) => updateLetterhead({ intestazione: e.target.value })}
          slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.letterhead.shape.intestazione) } }}
          {...invalid('zone.letterhead.intestazione')}
        />
        <TextField
          label="Sottotitolo"
          value={zone.letterhead.sottotitolo}
          onChange={(e) => updateLetterhead({ sottotitolo: e.target.value })}
          slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.letterhead.shape.sottotitolo) } }}
          multiline
          minRows={2}
          {...invalid('zone.letterhead.sottotitolo')}
        />
        <Grid container columnSpacing={2}>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Indirizzo dell'ente"
              value={zone.letterhead.indirizzo}
              onChange={(e) => updateLetterhead({ indirizzo: e.target.value })}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.letterhead.shape.indirizzo) } }}
              {...invalid('zone.letterhead.indirizzo')}
            />
          </Grid>
          <Grid size={{ xs: 12, md: 6 }}>
            <TextField
              label="Contatti"
              value={zone.letterhead.contatti}
              onChange={(e) => updateLetterhead({ contatti: e.target.value })}
              slotProps={{ htmlInput: { maxLength: maxLengthOf(ZONE.letterhead.shape.contatti) } }}
              {...invalid('zone.letterhead.contatti')}
            />
          </Grid>
        </Grid>
      </Box>
    </>
  );
}
