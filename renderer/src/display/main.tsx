import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createDisplayI18n } from '../i18n';
import '../styles.css';
import { DisplayApp } from './DisplayApp';

const container = document.getElementById('root');
if (container) {
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={createDisplayI18n()}>
        <DisplayApp />
      </I18nextProvider>
    </StrictMode>,
  );
}
