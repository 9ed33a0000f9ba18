import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASHIER_LOCALES } from '../../../shared/settings';
import { useAppStore } from '../stores/app';
import { useSessionStore } from '../stores/session';
import { useSettingsStore } from '../stores/settings';
import { ManagerSignInDialog } from './ManagerSignIn';
import './access.css';

/** Who is at the till: the signed-in manager with Sign out, or a button to sign in as one. */
function SessionControl() {
  const { t } = useTranslation();
  const view = useSessionStore((s) => s.view);
  const [open, setOpen] = useState(false);
  if (view?.role === 'manager' && view.manager) {
    return (
      <div className="session" data-testid="session" data-role="manager">
        <span className="session-name">{t('session.managerBadge', { name: view.manager.name })}</span>
        <button
          type="button"
          className="button button-small"
          data-testid="session-sign-out"
          onClick={() => {
            void useSessionStore.getState().signOut();
          }}
        >
          {t('session.signOut')}
        </button>
      </div>
    );
  }
  return (
    <div className="session" data-testid="session" data-role="cashier">
      <button
        type="button"
        className="button button-small"
        data-testid="session-open-sign-in"
        onClick={() => {
          useSessionStore.getState().clearError();
          setOpen(true);
        }}
      >
        {t('session.openSignIn')}
      </button>
      {open && (
        <ManagerSignInDialog
          reason={t('session.signInHint')}
          onClose={() => {
            setOpen(false);
          }}
          onSignedIn={() => {
            setOpen(false);
          }}
        />
      )}
    </div>
  );
}

/** Store name, environment badge (SANDBOX loud, so nobody mistakes a demo sale for a real one), language. */
export function TopBar() {
  const { t } = useTranslation();
  const saved = useSettingsStore((s) => s.saved);
  const uiLocale = useSettingsStore((s) => s.uiLocale);
  const setCashierLocale = useSettingsStore((s) => s.setCashierLocale);
  const info = useAppStore((s) => s.info);
  const profile = saved?.profile ?? info?.profile;

  return (
    <header className="topbar" data-testid="topbar">
      <div className="topbar-store">
        <span className="topbar-app">{t('app.title')}</span>
        <span className="topbar-store-name" data-testid="store-name">
          {saved?.store.name ?? ''}
        </span>
      </div>
      {profile !== undefined && (
        <span
          className={`profile-badge profile-${profile}`}
          data-testid="profile-badge"
          data-profile={profile}
          title={profile === 'sandbox' ? t('profile.sandboxHint') : undefined}
        >
          {t(`profile.${profile}`)}
        </span>
      )}
      <SessionControl />
      <div className="lang-switch" role="group" aria-label={t('lang.label')} data-testid="lang-switch">
        {CASHIER_LOCALES.map((locale) => (
          <button
            key={locale}
            type="button"
            className="lang-button"
            aria-pressed={uiLocale === locale}
            data-testid={`lang-${locale}`}
            onClick={() => {
              void setCashierLocale(locale);
            }}
          >
            {t(`lang.${locale}`)}
          </button>
        ))}
      </div>
    </header>
  );
}
