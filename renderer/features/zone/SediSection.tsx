import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { SedeData, ZoneData } from '../../../shared/contracts/zone';
import { RoomsEditor } from './RoomsEditor';
import { SedeDialog } from './SedeDialog';
import { comuneName } from './store';

export function SediSection({ zone }: { zone: ZoneData }) {
  const [editing, setEditing] = useState<SedeData | 'new' | null>(null);
  return (
    <Paper variant="outlined" component="section" aria-labelledby="zona-sedi" sx={{ p: 3, mb: 3 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, mb: 1, flexWrap: 'wrap' }}>
        <Typography variant="h2" id="zona-sedi">
          Sedi
        </Typography>
        <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
          Aggiungi sede
        </Button>
      </Box>
      {zone.sedi.map((sede) => (
        <Box key={sede.id} component="article" aria-labelledby={`sede-${sede.id}`} sx={{ borderTop: 1, borderColor: 'divider', pt: 2, mt: 2 }}>
          <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: 2, flexWrap: 'wrap' }}>
            <Box>
              <Typography variant="h3" id={`sede-${sede.id}`}>
                {sede.nome} (lettera {sede.lettera})
              </Typography>
              <Typography>
                {sede.indirizzo} · {comuneName(zone, sede.comuneIstat)}
                {sede.telefono ? ` · Tel. ${sede.telefono}` : ''}
              </Typography>
            </Box>
            <Button size="small" variant="outlined" onClick={() => setEditing(sede)} aria-label={`Modifica la sede ${sede.nome}`}>
              Modifica
            </Button>
          </Box>
          <RoomsEditor sede={sede} />
        </Box>
      ))}
      {editing ? <SedeDialog sede={editing === 'new' ? null : editing} zone={zone} onClose={() => setEditing(null)} /> : null}
    </Paper>
  );
}
