import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalScanCapture } from '../screens/ApprovalScanCapture';
import { ApprovalScreen } from '../screens/ApprovalScreen';
import { ErrorBanner } from '../screens/ErrorBanner';
import { SaleScreen } from '../screens/SaleScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { TopBar } from '../screens/TopBar';
import { useAppStore, type Tab } from '../stores/app';
import { useSecretsStore } from '../stores/secrets';
import { useSettingsStore } from '../stores/settings';

const TABS: readonly Tab[] = ['sale', 'approval', 'settings'];

export function CashierApp() {
  const { t, i18n } = useTranslation();
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const connected = useAppStore((s) => s.connected);
  const uiLocale = useSettingsStore((s) => s.uiLocale);
  const appError = useAppStore((s) => s.lastError);
  const settingsError = useSettingsStore((s) => s.lastError);
  const secretsError = useSecretsStore((s) => s.lastError);
  const error = appError ?? settingsError ?? secretsError;

  useEffect(() => {
    void useAppStore.getState().init();
    void useSettingsStore.getState().load();
    void useSecretsStore.getState().load();
  }, []);

  useEffect(() => {
    void i18n.changeLanguage(uiLocale);
    document.documentElement.lang = uiLocale;
  }, [i18n, uiLocale]);

  const dismiss = (): void => {
    useAppStore.getState().clearError();
    useSettingsStore.getState().clearError();
    useSecretsStore.getState().clearError();
  };

  return (
    <div className="cashier">
      <TopBar />
      <ApprovalScanCapture />
      {!connected && (
        <p className="banner banner-error" role="alert" data-testid="connection-lost">
          {t('app.connectionLost')}
        </p>
      )}
      <nav className="tabs" role="tablist">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            className="tab"
            aria-selected={tab === name}
            data-testid={`nav-${name}`}
            onClick={() => {
              setTab(name);
            }}
          >
            {t(`nav.${name}`)}
          </button>
        ))}
      </nav>
      <ErrorBanner error={error} onDismiss={dismiss} />
      <main className="screen">
        {tab === 'sale' ? <SaleScreen /> : tab === 'approval' ? <ApprovalScreen /> : <SettingsScreen />}
      </main>
    </div>
  );
}
