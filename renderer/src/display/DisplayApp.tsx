import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayViewModel } from '../../../shared/channels/display';
import { useDisplayStore } from '../stores/display';

type StateOf<S extends DisplayViewModel['state']> = Extract<DisplayViewModel, { state: S }>;

/** One renderer per view-model state: a state added to the contract is a type error here until drawn. */
const STATES: { [S in DisplayViewModel['state']]: (view: StateOf<S>) => ReactNode } = {
  welcome: (view) => <Welcome storeName={view.storeName} />,
};

function renderState(view: DisplayViewModel): ReactNode {
  // The record is keyed by state, so the lookup always matches the view's own variant.
  return (STATES[view.state] as (v: DisplayViewModel) => ReactNode)(view);
}

function Welcome({ storeName }: { storeName: string }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="display-welcome" data-testid="display-welcome">
        {t('welcome')}
      </h1>
      <p className="display-store" data-testid="display-store-name">
        {storeName}
      </p>
      <p className="display-hint">{t('welcomeHint')}</p>
    </>
  );
}

/**
 * The customer display: large type, no inputs, no buttons. It renders whatever whole view-model the host
 * pushed, in the view-model's language; `data-state` tells tests (and CSS) which state is on screen.
 */
export function DisplayApp() {
  const { t, i18n } = useTranslation();
  const view = useDisplayStore((s) => s.view);

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
    <main className="display" data-testid="display-root" data-state={view.state} data-locale={view.locale}>
      {renderState(view)}
    </main>
  );
}
