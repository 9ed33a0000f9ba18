import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalScreen } from '../screens/ApprovalScreen';
import { CheckoutScreen } from '../screens/CheckoutScreen';
import { ErrorBanner } from '../screens/ErrorBanner';
import { JournalScreen } from '../screens/JournalScreen';
import { ScanNotice } from '../screens/ScanNotice';
import { SettingsScreen } from '../screens/SettingsScreen';
import { TopBar } from '../screens/TopBar';
import { ScannerHookup } from '../scanner/ScannerHookup';
import { useAppStore, type Tab } from '../stores/app';
import { useApprovalStore } from '../stores/approval';
import { usePaymentStore } from '../stores/payment';
import { usePrinterStore } from '../stores/printer';
import { useReceiptStore } from '../stores/receipt';
import { useSaleStore } from '../stores/sale';
import { useSecretsStore } from '../stores/secrets';
import { useSessionStore } from '../stores/session';
import { useSettingsStore } from '../stores/settings';

const TABS: readonly Tab[] = ['sale', 'journal', 'approval', 'settings'];

export function CashierApp() {
  const { t, i18n } = useTranslation();
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const connected = useAppStore((s) => s.connected);
  const reconnects = useAppStore((s) => s.reconnects);
  const uiLocale = useSettingsStore((s) => s.uiLocale);
  const appError = useAppStore((s) => s.lastError);
  const settingsError = useSettingsStore((s) => s.lastError);
  const secretsError = useSecretsStore((s) => s.lastError);
  const error = appError ?? settingsError ?? secretsError;
  const saved = useSettingsStore((s) => s.saved);
  const receiptsNeeded = saved === null || (saved.country === 'MN' && saved.providers.ebarimt.enabled);

  useEffect(() => {
    void useAppStore.getState().init();
    void useSessionStore.getState().load();
    void useSettingsStore.getState().load();
    let offSale: () => void = () => undefined;
    let offApproval: () => void = () => undefined;
    let cancelled = false;
    const keep = (assign: (off: () => void) => void) => (off: () => void) => {
      if (cancelled) {
        off();
      } else {
        assign(off);
      }
    };
    void useSaleStore
      .getState()
      .start(true)
      .then(
        keep((off) => {
          offSale = off;
        }),
      );
    // The approval flow's view follows approval:updated whichever screen is open (a scan can open it anywhere).
    void useApprovalStore
      .getState()
      .start()
      .then(
        keep((off) => {
          offApproval = off;
        }),
      );
    const offReceipt = useReceiptStore.getState().start();
    const offPrinter = usePrinterStore.getState().start();
    return () => {
      cancelled = true;
      offSale();
      offApproval();
      offReceipt();
      offPrinter();
    };
  }, []);

  // Back after the host restarted: whatever was pushed while away is lost, so ask for the current state.
  // (Settings are not reloaded: that would throw away an unsaved edit on the Settings screen.)
  useEffect(() => {
    if (reconnects > 0) {
      void useSecretsStore.getState().load();
      void useSaleStore.getState().resync();
      void usePrinterStore.getState().load();
    }
  }, [reconnects]);

  useEffect(() => {
    useSaleStore.getState().setReceiptsNeeded(receiptsNeeded);
  }, [receiptsNeeded]);

  useEffect(() => {
    void usePaymentStore.getState().loadMethods();
  }, [saved?.country]);

  // F10 opens the journal from anywhere; Esc on the journal goes back to the sale.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'F10') {
        event.preventDefault();
        setTab(useAppStore.getState().tab === 'journal' ? 'sale' : 'journal');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [setTab]);

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
      <ScannerHookup />
      <ScanNotice />
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
        {tab === 'sale' ? (
          <CheckoutScreen />
        ) : tab === 'journal' ? (
          <JournalScreen />
        ) : tab === 'approval' ? (
          <ApprovalScreen />
        ) : (
          <SettingsScreen />
        )}
      </main>
    </div>
  );
}
