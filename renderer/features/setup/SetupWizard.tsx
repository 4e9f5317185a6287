import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Step from '@mui/material/Step';
import StepLabel from '@mui/material/StepLabel';
import Stepper from '@mui/material/Stepper';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, type FormEvent } from 'react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFocusOnError } from '../../components/useFocusOnError';
import { AdminStep } from './AdminStep';
import { RecoveryKeyStep } from './RecoveryKeyStep';
import { createZoneAndAdmin, goToStep, selectBusy, selectError, selectStep, setSetupError, useSetupStore } from './store';
import { checkAdminDraft, checkZoneDraft } from './validate';
import { ZoneStep } from './ZoneStep';

const STEPS = ['Zona', 'Amministratore', 'Chiave di recupero'] as const;
const STEP_TITLES = ['La zona, le sedi e la carta intestata', "L'amministratore", 'La chiave di recupero'] as const;

export function SetupWizard() {
  const step = useSetupStore(selectStep);
  const busy = useSetupStore(selectBusy);
  const error = useSetupStore(selectError);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);

  useEffect(() => {
    document.title = 'Configurazione iniziale – Ufficio della Cittadinanza';
  }, []);

  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (step === 0) {
      const problem = checkZoneDraft(useSetupStore.getState().zone);
      if (problem) setSetupError(problem);
      else goToStep(1);
    } else if (step === 1) {
      const problem = checkAdminDraft(useSetupStore.getState().admin);
      if (problem) setSetupError(problem);
      else void createZoneAndAdmin();
    }
  };

  return (
    <Box sx={{ minHeight: '100vh', bgcolor: 'background.default' }}>
      <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', px: 3, py: 1.5 }}>
        <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem' }}>
          Ufficio della Cittadinanza
        </Typography>
      </Box>
      <Box component="main" id="contenuto" sx={{ p: { xs: 2, md: 4 }, maxWidth: 1000, mx: 'auto' }}>
        <Typography variant="h1" sx={{ mb: 1 }}>
          Configurazione iniziale
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          Tre passi, una volta sola su questa postazione: i dati della zona, l&apos;amministratore e la chiave di recupero.
        </Typography>
        <Stepper activeStep={step} sx={{ mb: 3 }} aria-label="Passi della configurazione">
          {STEPS.map((label, i) => (
            <Step key={label} completed={i < step} aria-current={i === step ? 'step' : undefined}>
              <StepLabel>{label}</StepLabel>
            </Step>
          ))}
        </Stepper>
        <Paper variant="outlined" sx={{ p: { xs: 2, md: 4 } }}>
          <Typography variant="h2" ref={headingRef} tabIndex={-1} sx={{ mb: 2 }}>
            Passo {step + 1} di 3: {STEP_TITLES[step]}
          </Typography>
          {step === 2 ? (
            <RecoveryKeyStep />
          ) : (
            <form onSubmit={submit} noValidate ref={formRef}>
              <ErrorAlert error={error} />
              {step === 0 ? <ZoneStep /> : <AdminStep />}
              <Box sx={{ display: 'flex', justifyContent: 'space-between', gap: 2, mt: 3 }}>
                {step === 1 ? (
                  <Button onClick={() => goToStep(0)} disabled={busy}>
                    Indietro
                  </Button>
                ) : (
                  <span />
                )}
                <Button type="submit" variant="contained" size="large" loading={busy}>
                  {step === 0 ? 'Avanti' : "Crea la zona e l'amministratore"}
                </Button>
              </Box>
            </form>
          )}
        </Paper>
      </Box>
    </Box>
  );
}
