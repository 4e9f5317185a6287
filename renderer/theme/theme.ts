import { createTheme } from '@mui/material/styles';
import { itIT } from '@mui/material/locale';

/**
 * Design System Italia look on plain MUI: Titillium Web, the PA blue, square-ish corners and a
 * focus ring that is visible on white and on the blue app bar alike (orange inside, near-black
 * outside: at least 3:1 against both, WCAG 1.4.11).
 */
export const FOCUS_RING = {
  outline: '2px solid #FF9900',
  outlineOffset: 0,
  boxShadow: '0 0 0 5px #1A1A1A',
} as const;

/** The same two colours drawn inside the element, for items whose container clips overflow (menu, tabs, cards). */
export const FOCUS_RING_INSET = {
  outline: 'none',
  boxShadow: 'inset 0 0 0 3px #1A1A1A, inset 0 0 0 5px #FF9900',
} as const;

const FONT = '"Titillium Web", "Segoe UI", Geneva, Tahoma, sans-serif';

export const theme = createTheme(
  {
    palette: {
      primary: { main: '#0066CC', dark: '#004D99', light: '#2E85DB', contrastText: '#FFFFFF' },
      secondary: { main: '#455B71', contrastText: '#FFFFFF' },
      success: { main: '#00704A', contrastText: '#FFFFFF' },
      error: { main: '#C02A3F', contrastText: '#FFFFFF' },
      warning: { main: '#995C00', contrastText: '#FFFFFF' },
      info: { main: '#0066CC', contrastText: '#FFFFFF' },
      text: { primary: '#1A1A1A', secondary: '#455B71' },
      background: { default: '#F5F7FA', paper: '#FFFFFF' },
    },
    shape: { borderRadius: 4 },
    typography: {
      fontFamily: FONT,
      h1: { fontSize: '2rem', fontWeight: 700, lineHeight: 1.25 },
      h2: { fontSize: '1.5rem', fontWeight: 700, lineHeight: 1.3 },
      h3: { fontSize: '1.2rem', fontWeight: 600, lineHeight: 1.35 },
      button: { fontWeight: 600, textTransform: 'none', fontSize: '1rem' },
      body1: { fontSize: '1rem' },
    },
    components: {
      MuiCssBaseline: {
        styleOverrides: {
          'a:focus-visible, [tabindex]:not([tabindex="-1"]):focus-visible, summary:focus-visible': FOCUS_RING,
          // Headings receive focus programmatically after navigation; a ring there only confuses.
          '[tabindex="-1"]:focus': { outline: 'none' },
        },
      },
      MuiButtonBase: {
        defaultProps: { disableRipple: true },
        styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } },
      },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { '&.Mui-focusVisible': FOCUS_RING } },
      },
      // "&&" outranks the ButtonBase ring above, which these clipped containers would hide.
      MuiListItemButton: {
        styleOverrides: { root: { '&&.Mui-focusVisible': FOCUS_RING_INSET } },
      },
      MuiCardActionArea: {
        styleOverrides: { root: { '&&.Mui-focusVisible': FOCUS_RING_INSET } },
      },
      MuiTab: {
        styleOverrides: { root: { fontSize: '1rem', '&&.Mui-focusVisible': FOCUS_RING_INSET } },
      },
      MuiOutlinedInput: {
        styleOverrides: { root: { '&.Mui-focused': { boxShadow: '0 0 0 2px #FF9900, 0 0 0 5px #1A1A1A' } } },
      },
      MuiLink: {
        defaultProps: { underline: 'always' },
      },
      MuiTableCell: {
        styleOverrides: { head: { fontWeight: 700 } },
      },
      MuiTextField: {
        defaultProps: { fullWidth: true, margin: 'normal' },
      },
    },
  },
  itIT,
);
