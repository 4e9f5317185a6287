import Typography from '@mui/material/Typography';
import { useEffect, type ReactNode } from 'react';

/**
 * The page's single h1. tabIndex -1 lets the layout move focus here after navigation, so a
 * screen reader announces the new page. The window title follows (WCAG 2.4.2) but only ever names
 * the section ("Scheda persona"), never the person or the case: browsers keep titles in their
 * history, top sites and session files, and the window manager shows them to anyone nearby.
 * Pages whose heading holds personal data pass a neutral `documentTitle`.
 */
export function PageTitle({ children, subtitle, documentTitle }: { children: ReactNode; subtitle?: ReactNode; documentTitle?: string }) {
  const title = documentTitle ?? (typeof children === 'string' ? children : null);
  useEffect(() => {
    document.title = title ? `${title} – Ufficio della Cittadinanza` : 'Ufficio della Cittadinanza';
  }, [title]);
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
