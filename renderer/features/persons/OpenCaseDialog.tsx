import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { PersonDetailData } from '../../../shared/contracts/persons';
import { AREA_CODES, AREE, type Area, type Problematica } from '../../../shared/domain/cartella';
import { todayInRome } from '../../../shared/domain/dates';
import { fieldMessage } from '../../api/errors';
import { DateField } from '../../components/DateField';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { formatDate } from '../../i18n/format';
import { navigate } from '../../router/hash-router';
import { ProblematicheField } from '../cases';
import { selectZone, useZoneStore } from '../zone';
import { accessoToCase, openCase } from './store';

type Accesso = PersonDetailData['accessi'][number];

/**
 * Opens a case file (numbered per sede and year by the core), from an accesso at the desk or
 * directly for the person, then goes to it.
 */
export function OpenCaseDialog({ personId, accesso, defaultSedeId, onClose }: { personId: string; accesso: Accesso | null; defaultSedeId: string | null; onClose: () => void }) {
  const zone = useZoneStore(selectZone);
  const sedi = zone?.sedi ?? [];
  const [sedeId, setSedeId] = useState(defaultSedeId ?? sedi[0]?.id ?? '');
  const [area, setArea] = useState<Area | ''>('');
  const [problematiche, setProblematiche] = useState<Problematica[]>([]);
  const [apertaIl, setApertaIl] = useState(todayInRome());
  const save = useDialogSave(() => undefined);

  const submit = () =>
    void save.run(async () => {
      const common = { sedeId, area: area as Area, problematiche };
      const opened = accesso ? await accessoToCase({ accessoId: accesso.id, ...common }) : await openCase({ personId, apertaIl, ...common });
      onClose();
      navigate(`/cartelle/${opened.caseId}`);
    });

  return (
    <FormDialog
      open
      title={accesso ? `Apri cartella dall’accesso del ${formatDate(accesso.data)}` : 'Apri una nuova cartella'}
      submitLabel="Apri cartella"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={submit}
    >
      <Typography sx={{ mb: 1 }}>Il numero della cartella è assegnato in base alla sede e all’anno (es. 2026/A-0007).</Typography>
      <SelectField label="Sede" value={sedeId} onChange={setSedeId} error={fieldMessage(save.error, 'sedeId')}>
        {sedi.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nome} ({s.lettera})
          </option>
        ))}
      </SelectField>
      <SelectField label="Area di utenza" value={area} onChange={(v) => setArea(v as Area | '')} error={fieldMessage(save.error, 'area')}>
        <option value="">Scegli…</option>
        {AREA_CODES.map((a) => (
          <option key={a} value={a}>
            {AREE[a].label}
          </option>
        ))}
      </SelectField>
      {accesso ? null : <DateField label="Data di apertura" value={apertaIl} onChange={setApertaIl} required error={fieldMessage(save.error, 'apertaIl')} />}
      <ProblematicheField value={problematiche} onChange={setProblematiche} error={fieldMessage(save.error, 'problematiche')} />
    </FormDialog>
  );
}
