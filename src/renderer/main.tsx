import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { App } from './app/App.js';
import { translator } from './i18n/use-locale.js';
import { StoreContext } from './state/store-context.js';
import { ClientContext } from './state/use-client.js';
import { createWorkbenchStore, type WorkbenchStore } from './state/workbench-store.js';
import { connect } from './transport/connect.js';
import './theme/workbench.css';

let store: WorkbenchStore | null = null;
const client = connect((connected) => store?.getState().setConnected(connected));
store = createWorkbenchStore(client);
void store.getState().boot();

// Leaving the page (reload, close) writes pending edits first.
addEventListener('pagehide', () => void store?.getState().flushSaves());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') void store?.getState().flushSaves();
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nextProvider i18n={translator}>
      <ClientContext.Provider value={client}>
        <StoreContext.Provider value={store}>
          <App />
        </StoreContext.Provider>
      </ClientContext.Provider>
    </I18nextProvider>
  </StrictMode>,
);
