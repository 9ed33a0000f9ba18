import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSessionStore } from '../stores/session';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

/**
 * Manager sign-in with a PIN (typed) or a badge (a keyboard-wedge scanner types it into the same field). Main
 * checks the code and counts wrong ones; this form only shows what main answered. On a fresh sandbox till with
 * no manager yet, it offers to create the first one instead.
 */
export function ManagerSignIn({ reason, onSignedIn }: { reason: string; onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const view = useSessionStore((s) => s.view);
  const busy = useSessionStore((s) => s.busy);
  const lastError = useSessionStore((s) => s.lastError);
  const [code, setCode] = useState('');
  useEffect(() => {
    // Whether managers exist may have changed since the page loaded (the CLI, another page): ask main.
    void useSessionStore.getState().load();
  }, []);

  if (view?.canCreateFirstManager === true) {
    return <FirstManager reason={reason} onCreated={onSignedIn} />;
  }
  return (
    <form
      className="card sign-in"
      data-testid="manager-sign-in"
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        const typed = code;
        setCode('');
        void useSessionStore
          .getState()
          .signIn(typed)
          .then((ok) => {
            if (ok) {
              onSignedIn?.();
            }
          });
      }}
    >
      <h2 className="section-title">{t('session.signInTitle')}</h2>
      <p role="status" data-testid="manager-sign-in-reason">
        {reason}
      </p>
      {view?.managersExist === false ? (
        <p className="hint" data-testid="manager-none">
          {t('session.noManagers')}
        </p>
      ) : (
        <p className="hint">{t('session.signInHint')}</p>
      )}
      <label className="field">
        <span>{t('session.code')}</span>
        <input
          type="password"
          inputMode="numeric"
          autoComplete="off"
          spellCheck={false}
          value={code}
          data-testid="manager-code"
          onChange={(event) => {
            setCode(event.target.value);
          }}
        />
      </label>
      {lastError && (
        <p
          className="field-error"
          role="alert"
          data-testid="manager-sign-in-error"
          data-code={lastError.code}
        >
          {errorText(t, lastError)}
        </p>
      )}
      <button
        type="submit"
        className="button button-primary"
        data-testid="manager-sign-in-submit"
        disabled={busy || code === ''}
      >
        {busy ? t('session.signingIn') : t('session.signIn')}
      </button>
    </form>
  );
}

function FirstManager({ reason, onCreated }: { reason: string; onCreated: (() => void) | undefined }) {
  const { t } = useTranslation();
  const busy = useSessionStore((s) => s.busy);
  const lastError = useSessionStore((s) => s.lastError);
  const [name, setName] = useState('');
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const mismatch = again !== '' && pin !== again;
  return (
    <form
      className="card sign-in"
      data-testid="first-manager"
      autoComplete="off"
      onSubmit={(event) => {
        event.preventDefault();
        if (mismatch) {
          return;
        }
        void useSessionStore
          .getState()
          .createFirstManager(name, pin)
          .then((ok) => {
            if (ok) {
              onCreated?.();
            }
          });
      }}
    >
      <h2 className="section-title">{t('session.firstTitle')}</h2>
      <p role="status" data-testid="manager-sign-in-reason">
        {reason}
      </p>
      <p className="hint">{t('session.firstHint')}</p>
      <label className="field">
        <span>{t('session.firstName')}</span>
        <input
          type="text"
          value={name}
          data-testid="first-manager-name"
          onChange={(event) => {
            setName(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t('session.firstPin')}</span>
        <input
          type="password"
          inputMode="numeric"
          value={pin}
          data-testid="first-manager-pin"
          onChange={(event) => {
            setPin(event.target.value);
          }}
        />
      </label>
      <label className="field">
        <span>{t('session.firstPinAgain')}</span>
        <input
          type="password"
          inputMode="numeric"
          value={again}
          data-testid="first-manager-pin-again"
          aria-invalid={mismatch}
          onChange={(event) => {
            setAgain(event.target.value);
          }}
        />
      </label>
      {mismatch && <p className="field-error">{t('session.pinMismatch')}</p>}
      {lastError && (
        <p
          className="field-error"
          role="alert"
          data-testid="manager-sign-in-error"
          data-code={lastError.code}
        >
          {errorText(t, lastError)}
        </p>
      )}
      <button
        type="submit"
        className="button button-primary"
        data-testid="first-manager-create"
        disabled={busy || name.trim() === '' || pin === '' || pin !== again}
      >
        {t('session.create')}
      </button>
    </form>
  );
}

/** The sign-in form as a dialog (a cashier pressed Refund, or the top bar's Manager button). */
export function ManagerSignInDialog({
  reason,
  onClose,
  onSignedIn,
}: {
  reason: string;
  onClose: () => void;
  onSignedIn: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Dialog title={t('session.signInTitle')} testId="manager-sign-in-dialog" onClose={onClose}>
      <ManagerSignIn reason={reason} onSignedIn={onSignedIn} />
      <div className="dialog-actions">
        <button type="button" className="button" data-testid="dialog-cancel" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </Dialog>
  );
}
