/** @jsxRuntime automatic */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App.tsx';
import { EmbedApp } from './app/EmbedApp.tsx';
import { I18nProvider } from './app/i18n-context.tsx';
// uPlot's stylesheet first, so the app's own rules win where they overlap.
import 'uplot/dist/uPlot.min.css';
import './styles.css';

const root = document.getElementById('root');
if (root === null) throw new Error('attune web: index.html has no #root element');
const params = new URLSearchParams(location.search);
const inbox = params.get('inbox');

createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      {params.get('embed') === 'chatwoot' && inbox !== null ? (
        <EmbedApp inboxId={inbox} token={params.get('key') ?? undefined} />
      ) : (
        <App />
      )}
    </I18nProvider>
  </StrictMode>,
);
