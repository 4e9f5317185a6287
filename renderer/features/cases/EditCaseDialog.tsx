import { useState } from 'react';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { AREA_CODES, AREE, type Area, type Problematica } from '../../../shared/domain/cartella';
import { fieldMessage } from '../../api/errors';
import { FormDialog } from '../../components/FormDialog';
import { SelectField } from '../../components/SelectField';
import { useDialogSave } from '../../components/useDialogSave';
import { ProblematicheField } from './ProblematicheField';
import { updateCase } from './store';

export function EditCaseDialog({ detail, onClose }: { detail: CaseDetailData; onClose: () => void }) {
  const [area, setArea] = useState<Area>(detail.area);
  const [problematiche, setProblematiche] = useState<Problematica[]>(detail.problematiche);
  const save = useDialogSave(onClose);
  return (
    <FormDialog
      open
      title="Area di utenza e problematiche"
      submitLabel="Salva"
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onSubmit={() => void save.run(() => updateCase({ id: detail.id, area, problematiche }))}
    >
      <SelectField label="Area di utenza" value={area} onChange={(v) => setArea(v as Area)} error={fieldMessage(save.error, 'area')}>
        {AREA_CODES.map((a) => (
          <option key={a} value={a}>
            {AREE[a].label}
          </option>
        ))}
      </SelectField>
      <ProblematicheField value={problematiche} onChange={setProblematiche} error={fieldMessage(save.error, 'problematiche')} />
    </FormDialog>
  );
}
