import type { CaseDetailData } from '../../../shared/contracts/cases';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useDialogSave } from '../../components/useDialogSave';
import { archiveCase } from './store';

/** A closed case file goes to the archive and can be taken back out; nothing is deleted. */
export function ArchiveDialog({ detail, onClose }: { detail: CaseDetailData; onClose: () => void }) {
  const save = useDialogSave(onClose);
  const archiving = !detail.archiviata;
  return (
    <ConfirmDialog
      open
      title={archiving ? `Archivia la cartella ${detail.numero}` : `Togli dall’archivio la cartella ${detail.numero}`}
      confirmLabel={archiving ? 'Archivia' : 'Togli dall’archivio'}
      busy={save.busy}
      error={save.error}
      onClose={onClose}
      onConfirm={() => void save.run(() => archiveCase({ id: detail.id, archiviata: archiving }))}
    >
      {archiving
        ? 'La cartella chiusa passa all’archivio: non compare più tra le cartelle in lavorazione, ma resta consultabile e nulla viene cancellato.'
        : 'La cartella torna tra quelle consultabili di solito; resta chiusa finché non la riapri.'}
    </ConfirmDialog>
  );
}
