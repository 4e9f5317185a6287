import Chip from '@mui/material/Chip';
import { STATI, type StatoCartella } from '../../../shared/domain/cartella';

const COLORS: Record<StatoCartella, 'primary' | 'success' | 'warning' | 'default'> = {
  aperto: 'primary',
  in_carico: 'success',
  sospeso: 'warning',
  chiuso: 'default',
};

export function StatoChip({ stato, size = 'small' }: { stato: StatoCartella; size?: 'small' | 'medium' }) {
  return <Chip size={size} color={COLORS[stato]} label={STATI[stato]} variant={stato === 'chiuso' ? 'outlined' : 'filled'} />;
}
