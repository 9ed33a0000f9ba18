import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createCashierI18n } from '../i18n';
import '../styles.css';
import { CashierApp } from './CashierApp';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={createCashierI18n()}>
        <CashierApp />
      </I18nextProvider>
    </StrictMode>,
  );
}
