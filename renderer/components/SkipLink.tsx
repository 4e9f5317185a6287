import Box from '@mui/material/Box';
import type { MouseEvent } from 'react';
import { FOCUS_RING } from '../theme/theme';

/**
 * "Vai al contenuto": the first stop for keyboard users. It focuses <main> directly because
 * the URL fragment belongs to the router.
 */
export function SkipLink({ targetId }: { targetId: string }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    document.getElementById(targetId)?.focus();
  };
  return (
    <Box
      component="a"
      href={`#${targetId}`}
      onClick={onClick}
      sx={{
        position: 'absolute',
        left: 8,
        top: -100,
        zIndex: 2000,
        bgcolor: 'background.paper',
        color: 'primary.dark',
        px: 2,
        py: 1,
        fontWeight: 700,
        '&:focus': { top: 8, ...FOCUS_RING },
      }}
    >
      Vai al contenuto
    </Box>
  );
}
