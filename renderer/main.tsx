import '@fontsource/titillium-web/400.css';
import '@fontsource/titillium-web/600.css';
import '@fontsource/titillium-web/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { onSessionProblem } from './api/client';
import { connect } from './api/connect';
import { handleSessionProblem, markDisconnected, markNoSession, startSession } from './features/session';

onSessionProblem(handleSessionProblem);

void connect((state) => {
  if (state === 'closed') markDisconnected();
}).then((started) => {
  if (started.mode === 'no-session') markNoSession(started.message);
  else void startSession();
});

const root = document.getElementById('root');
if (!root) throw new Error('Elemento #root mancante in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
