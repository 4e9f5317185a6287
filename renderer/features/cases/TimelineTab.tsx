import AttachFileOutlined from '@mui/icons-material/AttachFileOutlined';
import EuroOutlined from '@mui/icons-material/EuroOutlined';
import FlagOutlined from '@mui/icons-material/FlagOutlined';
import HandshakeOutlined from '@mui/icons-material/HandshakeOutlined';
import MeetingRoomOutlined from '@mui/icons-material/MeetingRoomOutlined';
import NotesOutlined from '@mui/icons-material/NotesOutlined';
import PersonOutlined from '@mui/icons-material/PersonOutlined';
import TaskAltOutlined from '@mui/icons-material/TaskAltOutlined';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { CaseDetailData } from '../../../shared/contracts/cases';
import { formatDate } from '../../i18n/format';
import { Section } from '../../components/Section';

type Kind = CaseDetailData['timeline'][number]['kind'];

const KINDS: Record<Kind, { label: string; icon: typeof FlagOutlined }> = {
  stato: { label: 'Stato', icon: FlagOutlined },
  operatore: { label: 'Operatori', icon: PersonOutlined },
  diario: { label: 'Diario', icon: NotesOutlined },
  pai: { label: 'PAI', icon: TaskAltOutlined },
  intervento: { label: 'Intervento', icon: HandshakeOutlined },
  erogazione: { label: 'Erogazione', icon: EuroOutlined },
  allegato: { label: 'Allegato', icon: AttachFileOutlined },
  accesso: { label: 'Accesso', icon: MeetingRoomOutlined },
};

/** Everything that happened in the case file, newest first. */
export function TimelineTab({ detail }: { detail: CaseDetailData }) {
  return (
    <Section id="pannello-cronologia" title="Cronologia">
      {detail.timeline.length === 0 ? <Typography>Nessun evento.</Typography> : null}
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {detail.timeline.map((t, i) => {
          const kind = KINDS[t.kind];
          const Icon = kind.icon;
          return (
            <Box
              component="li"
              key={`${t.at}-${i}`}
              sx={{ display: 'grid', gridTemplateColumns: '7.5rem 2rem 8rem 1fr', gap: 1, alignItems: 'start', py: 1, borderTop: i === 0 ? 0 : 1, borderColor: 'divider' }}
            >
              <Typography sx={{ fontVariantNumeric: 'tabular-nums', fontWeight: 600 }}>{formatDate(t.at.slice(0, 10))}</Typography>
              <Icon aria-hidden sx={{ color: 'primary.main' }} />
              <Typography sx={{ color: 'text.secondary' }}>{kind.label}</Typography>
              <Typography sx={{ overflowWrap: 'anywhere' }}>{t.label}</Typography>
            </Box>
          );
        })}
      </Box>
    </Section>
  );
}
