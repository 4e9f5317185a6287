import CssBaseline from '@mui/material/CssBaseline';
import GlobalStyles from '@mui/material/GlobalStyles';
import { ThemeProvider } from '@mui/material/styles';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { itIT } from '@mui/x-date-pickers/locales';
import 'dayjs/locale/it';
import { FullPageMessage } from './components/FullPageMessage';
import { SetupWizard } from './features/setup';
import { AuthenticatedApp } from './features/layout';
import { LoginPage, RecoverPage, StartingScreen, selectFatal, selectPhase, selectSession, useSessionStore } from './features/session';
import { theme } from './theme/theme';

// While a sheet meant for paper is on screen (the recovery key), printing shows only that sheet.
const PRINT_STYLES = {
  '.udc-print-sheet': { display: 'none' },
  '@media print': {
    'body:has(.udc-print-sheet) #root': { display: 'none !important' },
    '.udc-print-sheet': { display: 'block !important', fontFamily: '"Titillium Web", sans-serif', color: '#000' },
    '.udc-print-sheet h1': { fontSize: '24pt', margin: '0 0 8pt' },
    '.udc-print-sheet h2': { fontSize: '14pt', margin: '16pt 0 4pt' },
    '.udc-print-sheet .udc-print-meta': { fontSize: '12pt' },
    '.udc-print-sheet .udc-print-key': {
      fontFamily: '"DejaVu Sans Mono", Consolas, "Courier New", monospace',
      fontSize: '16pt',
      textAlign: 'center',
      fontWeight: 700,
      border: '2pt solid #000',
      padding: '12pt',
      margin: '16pt 0',
      overflowWrap: 'anywhere',
    },
    '.udc-print-sheet li': { fontSize: '12pt', marginBottom: '4pt' },
    '@page': { size: 'A4', margin: '20mm' },
  },
} as const;

function Screen() {
  const phase = useSessionStore(selectPhase);
  const session = useSessionStore(selectSession);
  const fatal = useSessionStore(selectFatal);
  switch (phase) {
    case 'starting':
      return <StartingScreen />;
    case 'no-session':
      return (
        <FullPageMessage title="Collegamento non valido" severity="warning">
          {fatal}
        </FullPageMessage>
      );
    case 'disconnected':
      return (
        <FullPageMessage title="Connessione al programma interrotta" retry>
          Connessione al programma interrotta. Controlla che il programma sia ancora aperto, poi premi «Riprova». Se il problema continua, riaprilo dal collegamento stampato
          all&apos;avvio.
        </FullPageMessage>
      );
    case 'fatal':
      return (
        <FullPageMessage title="Il programma non si è avviato" retry>
          {fatal}
        </FullPageMessage>
      );
    case 'setup':
      return <SetupWizard />;
    case 'login':
      return <LoginPage />;
    case 'recover':
      return <RecoverPage />;
    case 'app':
      return session ? <AuthenticatedApp session={session} /> : <LoginPage />;
  }
}

export function App() {
  return (
    <ThemeProvider theme={theme}>
      {/* Dates and times in Italian (gg/mm/aaaa, 24 h) whatever language the browser runs in. */}
      <LocalizationProvider dateAdapter={AdapterDayjs} adapterLocale="it" localeText={itIT.components.MuiLocalizationProvider.defaultProps.localeText}>
        <CssBaseline />
        <GlobalStyles styles={PRINT_STYLES} />
        <Screen />
      </LocalizationProvider>
    </ThemeProvider>
  );
}
