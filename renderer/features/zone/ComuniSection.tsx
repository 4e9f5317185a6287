import AddOutlined from '@mui/icons-material/AddOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { ZoneData } from '../../../shared/contracts/zone';
import { ComuneDialog } from './ComuneDialog';

type Comune = ZoneData['comuni'][number];

export function ComuniSection({ zone }: { zone: ZoneData }) {
  const [editing, setEditing] = useState<Comune | 'new' | null>(null);
  const comuni = [...zone.comuni].sort((a, b) => a.nome.localeCompare(b.nome, 'it'));
  return (
    <Paper variant="outlined" component="section" aria-labelledby="zona-comuni" sx={{ p: 3, mb: 3 }}>
      <Box sx={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: 2, mb: 2, flexWrap: 'wrap' }}>
        <Typography variant="h2" id="zona-comuni">
          Comuni ({comuni.length})
        </Typography>
        <Button variant="outlined" startIcon={<AddOutlined />} onClick={() => setEditing('new')}>
          Aggiungi comune
        </Button>
      </Box>
      <TableContainer>
        <Table size="small" aria-labelledby="zona-comuni">
          <TableHead>
            <TableRow>
              <TableCell>Comune</TableCell>
              <TableCell>Codice ISTAT</TableCell>
              <TableCell>Codice catastale</TableCell>
              <TableCell>Provincia</TableCell>
              <TableCell>Azioni</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {comuni.map((c) => (
              <TableRow key={c.id}>
                <TableCell component="th" scope="row">
                  {c.nome}
                </TableCell>
                <TableCell>{c.istat}</TableCell>
                <TableCell>{c.catastale}</TableCell>
                <TableCell>{c.provincia}</TableCell>
                <TableCell>
                  <Button size="small" onClick={() => setEditing(c)} aria-label={`Modifica il comune ${c.nome}`}>
                    Modifica
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {editing ? <ComuneDialog comune={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Paper>
  );
}
