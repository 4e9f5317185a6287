import CheckCircle from '@mui/icons-material/CheckCircle';
import RadioButtonUnchecked from '@mui/icons-material/RadioButtonUnchecked';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { useEffect, useState, type ReactNode } from 'react';
import { TEAM_PROFILES, type FirstRunConfirmation, type FirstRunStatusData } from '../../../shared/contracts/first-run';
import { elenco } from '../../../shared/domain/italian';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import type { ShownError } from '../../api/errors';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Section } from '../../components/Section';
import { href } from '../../router/hash-router';
import { confirmFirstRun, isFirstRunDone, loadFirstRun, selectFirstRun, selectFirstRunError, useFirstRunStore } from './first-run-store';

const USERS = '/impostazioni/utenti';
const ZONE = '/impostazioni/zona';

interface Item {
  key: string;
  title: string;
  done: boolean;
  /** What to do, or what is still missing. */
  text: string;
  link?: { path: string; label: string };
  confirm?: { voce: FirstRunConfirmation; label: string };
}

const names = (sedi: { nome: string }[]) => elenco(sedi.map((s) => s.nome));
const profileName = (p: (typeof TEAM_PROFILES)[number]) => PROFILE_LABELS[p].toLowerCase();

function items(s: FirstRunStatusData): Item[] {
  return [
    {
      key: 'utenti',
      title: 'Crea gli utenti della squadra',
      done: s.profiliMancanti.length === 0,
      text:
        s.profiliMancanti.length === 0
          ? `C’è almeno un utente attivo per ogni profilo: ${elenco(TEAM_PROFILES.map(profileName))}.`
          : `Serve almeno un utente attivo per profilo; manca: ${elenco(s.profiliMancanti.map(profileName))}. Aggiungi poi educatori, psicologi e mediatori SAL, se la zona li ha.`,
      link: { path: USERS, label: 'Vai agli utenti' },
    },
    {
      key: 'recapiti',
      title: 'Controlla indirizzo e telefono delle sedi',
      done: s.sediSenzaRecapiti.length === 0,
      text: s.sediSenzaRecapiti.length === 0 ? 'Ogni sede ha indirizzo e telefono: controlla che siano quelli giusti.' : `Da completare: ${names(s.sediSenzaRecapiti)}.`,
      link: { path: ZONE, label: 'Vai alle sedi' },
    },
    {
      key: 'stanze',
      title: 'Crea le stanze di ogni sede',
      done: s.sediSenzaStanze.length === 0,
      text: s.sediSenzaStanze.length === 0 ? 'Ogni sede ha almeno una stanza attiva per i colloqui.' : `Nessuna stanza attiva: ${names(s.sediSenzaStanze)}.`,
      link: { path: ZONE, label: 'Vai alle stanze' },
    },
    {
      key: 'orari',
      title: 'Imposta gli orari di apertura',
      done: s.sediSenzaOrari.length === 0,
      text:
        s.sediSenzaOrari.length === 0
          ? 'Ogni sede ha i suoi orari: l’agenda segnala gli appuntamenti fuori orario.'
          : `Senza orari: ${names(s.sediSenzaOrari)}. L’agenda li usa per segnalare gli appuntamenti fuori orario.`,
      link: { path: ZONE, label: 'Vai agli orari' },
    },
    {
      key: 'patroni',
      title: 'Controlla i giorni dei santi patroni',
      done: s.patroniControllati,
      text: s.patroniControllati
        ? 'Giorni dei patroni controllati: nell’agenda sono festivi, comune per comune.'
        : 'Nell’agenda il giorno del patrono è festivo, comune per comune: controlla che le date proposte siano giuste, poi confermalo qui.',
      link: { path: ZONE, label: 'Vai ai patroni' },
      confirm: { voce: 'patroni_controllati', label: 'Ho controllato i patroni' },
    },
    {
      key: 'chiave',
      title: 'Conserva la chiave di recupero',
      done: s.chiaveConservata,
      text: s.chiaveConservata
        ? 'Hai confermato di aver stampato o trascritto la chiave di recupero e di conservarla in luogo sicuro.'
        : 'La chiave di recupero è stata mostrata una sola volta (alla configurazione o dopo l’ultimo recupero della password). Conferma di averla stampata o trascritta e di conservarla in luogo sicuro, lontano dal computer.',
      confirm: { voce: 'chiave_conservata', label: 'Ho conservato la chiave' },
    },
  ];
}

/**
 * The administrator's first steps after the set-up, each ticked from the zone's own data (or
 * from a confirmation in the administration log); the list disappears once every item is done.
 */
export function FirstRunChecklist() {
  const status = useFirstRunStore(selectFirstRun);
  const loadError = useFirstRunStore(selectFirstRunError);
  const [error, setError] = useState<ShownError | null>(null);
  const [busy, setBusy] = useState<FirstRunConfirmation | null>(null);

  useEffect(() => {
    void loadFirstRun();
  }, []);

  if (loadError) return <ErrorAlert error={loadError} />;
  if (!status || isFirstRunDone(status)) return null;

  const list = items(status);
  const done = list.filter((i) => i.done).length;
  const confirm = async (voce: FirstRunConfirmation) => {
    setBusy(voce);
    setError(await confirmFirstRun(voce));
    setBusy(null);
  };

  return (
    <Section id="primi-passi" title="Primi passi">
      <Typography sx={{ mb: 2 }}>
        Fatto {done} di {list.length}. Ogni voce si spunta da sé quando i dati ci sono; la lista scompare quando sono tutte fatte.
      </Typography>
      <ErrorAlert error={error} />
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {list.map((item) => (
          <ChecklistRow key={item.key} item={item}>
            {item.link ? (
              <Button href={href(item.link.path)} variant={item.done ? 'text' : 'outlined'} size="small">
                {item.link.label}
              </Button>
            ) : null}
            {item.confirm && !item.done ? (
              <Button variant="contained" size="small" loading={busy === item.confirm.voce} onClick={() => void confirm(item.confirm!.voce)}>
                {item.confirm.label}
              </Button>
            ) : null}
          </ChecklistRow>
        ))}
      </Box>
    </Section>
  );
}

function ChecklistRow({ item, children }: { item: Item; children: ReactNode }) {
  const Icon = item.done ? CheckCircle : RadioButtonUnchecked;
  return (
    <Box
      component="li"
      data-testid={`primi-passi-${item.key}`}
      data-done={item.done}
      sx={{ display: 'flex', gap: 1.5, alignItems: 'flex-start', py: 1.25, borderTop: 1, borderColor: 'divider', flexWrap: { xs: 'wrap', md: 'nowrap' } }}
    >
      <Icon color={item.done ? 'success' : 'action'} sx={{ mt: 0.25 }} titleAccess={item.done ? 'Fatto' : 'Da fare'} />
      <Box sx={{ flex: 1, minWidth: 0 }}>
        <Typography component="h3" sx={{ fontWeight: 600 }}>
          {item.title}
        </Typography>
        <Typography color="text.secondary">{item.text}</Typography>
      </Box>
      <Box sx={{ display: 'flex', gap: 1, flexShrink: 0, flexWrap: 'wrap', alignItems: 'center' }}>{children}</Box>
    </Box>
  );
}
