import Box from '@mui/material/Box';
import Drawer from '@mui/material/Drawer';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Toolbar from '@mui/material/Toolbar';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { href } from '../../router/hash-router';
import { isActive, visibleNavItems } from './nav-items';

export const DRAWER_WIDTH = 264;

export function NavDrawer({ session, path }: { session: SessionInfoData; path: string }) {
  const items = visibleNavItems(session);
  return (
    <Drawer variant="permanent" sx={{ width: DRAWER_WIDTH, flexShrink: 0, '& .MuiDrawer-paper': { width: DRAWER_WIDTH, boxSizing: 'border-box' } }}>
      <Toolbar />
      <Box component="nav" aria-label="Sezioni del programma" sx={{ overflowY: 'auto' }}>
        <List>
          {items.map((item) => {
            const active = isActive(item, path);
            const Icon = item.icon;
            return (
              <ListItem key={item.path} disablePadding>
                <ListItemButton
                  component="a"
                  href={href(item.path)}
                  selected={active}
                  aria-current={active ? 'page' : undefined}
                  sx={{
                    borderLeft: '4px solid',
                    borderLeftColor: active ? 'primary.main' : 'transparent',
                    '&.Mui-selected': { bgcolor: 'rgba(0,102,204,0.10)' },
                    '&.Mui-selected .MuiListItemText-primary': { fontWeight: 700, color: 'primary.dark' },
                  }}
                >
                  <ListItemIcon sx={{ color: active ? 'primary.dark' : 'text.secondary' }}>
                    <Icon />
                  </ListItemIcon>
                  <ListItemText primary={item.label} />
                </ListItemButton>
              </ListItem>
            );
          })}
        </List>
      </Box>
    </Drawer>
  );
}
