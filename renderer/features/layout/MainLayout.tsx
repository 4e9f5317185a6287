import Box from '@mui/material/Box';
import Toolbar from '@mui/material/Toolbar';
import { useEffect, useRef } from 'react';
import type { SessionInfoData } from '../../../shared/contracts/auth';
import { SkipLink } from '../../components/SkipLink';
import { useHashPath } from '../../router/hash-router';
import { AccountNoticesDialog } from '../notices';
import { forgetCaseFiles } from './forget';
import { SearchPalette } from '../search';
import { allows, lockSession } from '../session';
import { AppHeader } from './AppHeader';
import { NavDrawer } from './NavDrawer';
import { RouteView } from './RouteView';

const MAIN_ID = 'contenuto';

export function MainLayout({ session }: { session: SessionInfoData }) {
  const path = useHashPath();
  const firstPath = useRef(true);

  // After navigation, focus the new page's title so screen readers announce it; not on first load.
  useEffect(() => {
    if (firstPath.current) {
      firstPath.current = false;
      return;
    }
    const title = document.querySelector<HTMLElement>(`#${MAIN_ID} [data-page-title]`);
    title?.focus();
  }, [path]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === 'l') {
        event.preventDefault();
        void lockSession();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // People and case files seen in this session leave memory with it.
  useEffect(() => forgetCaseFiles, []);
  const canSearch = allows(session, 'persona.read') || allows(session, 'case.summary');

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh', bgcolor: 'background.default' }}>
      <SkipLink targetId={MAIN_ID} />
      <AppHeader session={session} canSearch={canSearch} />
      {canSearch ? <SearchPalette /> : null}
      <NavDrawer session={session} path={path} />
      <AccountNoticesDialog />
      <Box component="main" id={MAIN_ID} tabIndex={-1} sx={{ flex: 1, minWidth: 0, outline: 'none' }}>
        <Toolbar />
        <Box sx={{ p: { xs: 2, md: 4 }, maxWidth: 1600 }}>
          <RouteView path={path} session={session} />
        </Box>
      </Box>
    </Box>
  );
}
