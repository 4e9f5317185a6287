import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useState } from 'react';
import type { WindowPreset } from '../../../shared/domain/letters';
import { toShownError, type ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { LogoSettings } from './LogoSettings';
import { PdfPages } from './PdfPages';
import { printPdf } from './print-pdf';
import { calibrationPdf, savePdf, saveSettings, settings, type PdfFile } from './store';

const mm = (n: number) => `${String(n).replace('.', ',')} mm`;

/**
 * Impostazioni → Documenti: the envelope window the letters are laid out for, and a calibration
 * page (the window's outline and rulers) to print and hold against an envelope before the first
 * batch. Only the administrator of the zone changes the preset.
 */
export function DocumentiSettings({ canEdit }: { canEdit: boolean }) {
  const { data, error } = settings.useStore();
  const [choice, setChoice] = useState<WindowPreset | null>(null);
  const [busy, setBusy] = useState<'salva' | 'calibra' | null>(null);
  const [ownError, setOwnError] = useState<ShownError | null>(null);
  const [saved, setSaved] = useState(false);
  const [calibration, setCalibration] = useState<PdfFile | null>(null);
  useEffect(() => {
    void settings.load('settings');
  }, []);
  const finestra = choice ?? data?.finestra ?? null;

  const save = async () => {
    if (!finestra) return;
    setBusy('salva');
    setOwnError(null);
    setSaved(false);
    try {
      await saveSettings({ finestra });
      setSaved(true);
      setChoice(null);
    } catch (e) {
      setOwnError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };
  const pick = (value: WindowPreset) => {
    setChoice(value);
    setSaved(false);
    setCalibration(null);
  };
  const calibrate = async () => {
    if (!finestra) return;
    setBusy('calibra');
    setOwnError(null);
    try {
      setCalibration(await calibrationPdf(finestra));
    } catch (e) {
      setOwnError(toShownError(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      <LogoSettings canEdit={canEdit} />
      <Section id="impostazioni-documenti" title="Buste a finestra">
        <ErrorAlert error={error ?? ownError} />
        {!data && !error ? <CircularProgress aria-label="Caricamento delle impostazioni" /> : null}
        {data && finestra ? (
          <>
            <Typography sx={{ mb: 2 }}>
              L’indirizzo del destinatario si stampa dove cade la finestra della busta (regola italiana: almeno 40 mm dall’alto e 15 mm dai lati). Prima di una stampa in serie,
              stampa la pagina di calibrazione e appoggiala a una busta in controluce.
            </Typography>
            <FormControl disabled={!canEdit || busy !== null} sx={{ mb: 2 }}>
              <FormLabel id="finestra-busta">Tipo di busta</FormLabel>
              <RadioGroup aria-labelledby="finestra-busta" value={finestra} onChange={(e) => pick(e.target.value as WindowPreset)}>
                {data.presets.map((p) => (
                  <FormControlLabel
                    key={p.id}
                    value={p.id}
                    control={<Radio />}
                    label={`${p.label}: finestra di ${mm(p.width)} × ${mm(p.height)}, a ${mm(p.top)} dall’alto e ${mm(p.left)} da sinistra`}
                  />
                ))}
              </RadioGroup>
            </FormControl>
            {!canEdit ? <Typography color="text.secondary">Il tipo di busta lo sceglie l’amministratore della zona.</Typography> : null}
            {saved ? (
              <Alert severity="success" role="status" sx={{ mb: 2 }}>
                Tipo di busta salvato: le prossime lettere useranno questa finestra.
              </Alert>
            ) : null}
            <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
              {canEdit ? (
                <Button variant="contained" onClick={() => void save()} loading={busy === 'salva'} disabled={finestra === data.finestra}>
                  Salva
                </Button>
              ) : null}
              <Button variant="outlined" onClick={() => void calibrate()} loading={busy === 'calibra'}>
                Pagina di calibrazione
              </Button>
            </Box>
            {calibration ? (
              <>
                <Box sx={{ display: 'flex', gap: 1, mb: 1 }}>
                  <Button variant="contained" onClick={() => void printPdf(calibration.bytes).catch((e: unknown) => setOwnError(toShownError(e)))}>
                    Stampa la pagina di calibrazione
                  </Button>
                  <Button onClick={() => savePdf(calibration)}>Salva PDF</Button>
                </Box>
                <PdfPages data={calibration.bytes} label="Pagina di calibrazione" maxWidth={520} />
              </>
            ) : null}
          </>
        ) : null}
      </Section>
    </>
  );
}
