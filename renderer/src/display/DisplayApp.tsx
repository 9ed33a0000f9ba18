import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisplayStore } from '../stores/display';
import './display.css';
import { renderState } from './states';

/**
 * The customer display: large type, no inputs, no buttons. It renders whatever whole view-model the host
 * pushed, in the view-model's language; `data-state` tells tests (and CSS) which state is on screen.
 */
export function DisplayApp() {
  const { t, i18n } = useTranslation();
  const view = useDisplayStore((s) => s.view);
  const connected = useDisplayStore((s) => s.connected);

  useEffect(() => {
    let off: (() => void) | undefined;
    let cancelled = false;
    void useDisplayStore
      .getState()
      .start()
      .then((unsubscribe) => {
        if (cancelled) {
          unsubscribe();
        } else {
          off = unsubscribe;
        }
      });
    return () => {
      cancelled = true;
      off?.();
    };
  }, []);

  const locale = view?.locale ?? 'mn';
  useEffect(() => {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
  }, [i18n, locale]);

  if (view === null) {
    return (
      <main className="display" data-testid="display-root" data-state="connecting">
        <p className="display-hint">{t('connecting')}</p>
      </main>
    );
  }

  return (
    <main
      className={`display display-${view.state}`}
      data-testid="display-root"
      data-state={view.state}
      data-connected={connected ? 'true' : 'false'}
      data-locale={view.locale}
    >
      {renderState(view)}
    </main>
  );
}
