import LockOutlined from '@mui/icons-material/LockOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import SearchOutlined from '@mui/icons-material/SearchOutlined';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { PROFILE_LABELS } from '../../../shared/domain/permissions';
import { openPalette } from '../search';
import { lockSession, logout } from '../session';
import { selectZone, useZoneStore } from '../zone';

const onDark = { color: 'inherit', borderColor: 'rgba(255,255,255,0.8)', '&:hover': { borderColor: '#fff', bgcolor: 'rgba(255,255,255,0.12)' } };

export function AppHeader({ session, canSearch }: { session: SessionInfoData; canSearch: boolean }) {
  const zone = useZoneStore(selectZone);
  return (
    <AppBar position="fixed" elevation={0} sx={{ zIndex: (t) => t.zIndex.drawer + 1 }}>
      <Toolbar sx={{ gap: 2 }}>
        <Box sx={{ flex: 1, minWidth: 0 }}>
          <Typography component="p" sx={{ fontWeight: 700, fontSize: '1.25rem', lineHeight: 1.2 }}>
            Ufficio della Cittadinanza
          </Typography>
          {zone ? (
            <Typography component="p" sx={{ fontSize: '0.9rem', lineHeight: 1.2 }}>
              {zone.nome}
            </Typography>
          ) : null}
        </Box>
        {canSearch ? (
          <Button variant="outlined" startIcon={<SearchOutlined />} onClick={openPalette} title="Cerca persone e cartelle (Ctrl+K)" aria-keyshortcuts="Control+K" sx={onDark}>
            Cerca
          </Button>
        ) : null}
        <Box sx={{ textAlign: 'right', display: { xs: 'none', md: 'block' } }}>
          <Typography component="p" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
            {session.user.fullName}
          </Typography>
          <Typography component="p" sx={{ fontSize: '0.9rem', lineHeight: 1.2 }}>
            {PROFILE_LABELS[session.user.profile]}
          </Typography>
        </Box>
        <Button variant="outlined" startIcon={<LockOutlined />} onClick={() => void lockSession()} title="Blocca la sessione (Ctrl+L)" aria-keyshortcuts="Control+L" sx={onDark}>
          Blocca
        </Button>
        <Button variant="outlined" startIcon={<LogoutOutlined />} onClick={() => void logout()} sx={onDark}>
          Esci
        </Button>
      </Toolbar>
    </AppBar>
  );
}
