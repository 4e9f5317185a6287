import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

/**
 * The page's single h1. tabIndex -1 lets the layout move focus here after navigation, so a
 * screen reader announces the new page.
 */
export function PageTitle({ children, subtitle }: { children: ReactNode; subtitle?: ReactNode }) {
  return (
    <header>
      <Typography variant="h1" tabIndex={-1} data-page-title sx={{ mb: subtitle ? 1 : 3 }}>
        {children}
      </Typography>
      {subtitle ? (
        <Typography color="text.secondary" sx={{ mb: 3 }}>
          {subtitle}
        </Typography>
      ) : null}
    </header>
  );
}
