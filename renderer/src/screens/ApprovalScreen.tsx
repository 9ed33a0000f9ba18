/**
 * E-receipt approval (docs/architecture.md §9), keyboard- and scanner-driven: identify the buyer (typed regNo
 * — its Cyrillic letters cannot come from a wedge scanner — or a scanned / typed phone or 8-digit code), read
 * the name back and confirm with Enter, then scan receipt QRs one after another. Every state and message
 * comes from main's view-model; scans are carried into this flow by main (docs/architecture.md §10) and arrive here
 * as approval:updated.
 */
import { useEffect, useRef, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalViewModel, BuyerView } from '../../../shared/channels/approval';
import type { CashierLocale } from '../../../shared/settings';
import { useApprovalStore } from '../stores/approval';
import { useSettingsStore } from '../stores/settings';
import './ApprovalScreen.css';

function Buyer({ buyer }: { buyer: BuyerView }) {
  const { t } = useTranslation();
  return (
    <dl className="approval-buyer" data-testid="approval-buyer" data-identified-by={buyer.identifiedBy}>
      <dt>{t('approval.name')}</dt>
      <dd data-testid="approval-buyer-name">{buyer.name ?? t('approval.noName')}</dd>
      <dt>{t('approval.customerNo')}</dt>
      <dd data-testid="approval-buyer-code">{buyer.customerNoMasked}</dd>
      {buyer.emailMasked !== null && (
        <>
          <dt>{t('approval.email')}</dt>
          <dd data-testid="approval-buyer-email">{buyer.emailMasked}</dd>
        </>
      )}
      <dd className="approval-muted">{t(`approval.identifiedBy.${buyer.identifiedBy}`)}</dd>
    </dl>
  );
}

function Steps({ state }: { state: ApprovalViewModel['state'] }) {
  const { t } = useTranslation();
  const current = state === 'identifying' || state === 'idle' ? 0 : state === 'confirm' ? 1 : 2;
  const steps = [t('approval.steps.identify'), t('approval.steps.confirm'), t('approval.steps.scan')];
  return (
    <ol className="approval-steps">
      {steps.map((label, i) => (
        <li key={label} aria-current={i === current ? 'step' : undefined}>
          {label}
        </li>
      ))}
    </ol>
  );
}

function IdentifyForm({ busy }: { busy: boolean }) {
  const { t } = useTranslation();
  const query = useApprovalStore((s) => s.query);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    input.current?.focus();
  }, []);
  const submit = (event: SyntheticEvent): void => {
    event.preventDefault();
    void useApprovalStore.getState().identify();
  };
  return (
    <form className="approval-identify" onSubmit={submit}>
      <p className="approval-prompt">{t('approval.identifyPrompt')}</p>
      <label className="field">
        <span>{t('approval.queryLabel')}</span>
        <input
          ref={input}
          type="text"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('approval.queryPlaceholder')}
          data-testid="approval-query"
          value={query}
          disabled={busy}
          onChange={(e) => {
            useApprovalStore.getState().setQuery(e.target.value);
          }}
        />
      </label>
      <button type="submit" className="button button-primary" data-testid="approval-lookup" disabled={busy}>
        {busy ? t('approval.lookingUp') : t('approval.lookup')}
      </button>
    </form>
  );
}

export function ApprovalScreen() {
  const { t } = useTranslation();
  const view = useApprovalStore((s) => s.view);
  const lastError = useApprovalStore((s) => s.lastError);
  const uiLocale: CashierLocale = useSettingsStore((s) => s.uiLocale);
  const confirmButton = useRef<HTMLButtonElement>(null);

  // Opening the tab by hand opens the flow (a scanned receipt opens it through approval:start itself).
  useEffect(() => {
    if (useApprovalStore.getState().view.state === 'idle') {
      void useApprovalStore.getState().open();
    }
  }, []);

  // Enter confirms the buyer: the cashier's hands stay on the keyboard and scanner.
  useEffect(() => {
    if (view.state !== 'confirm' || view.busy) {
      return undefined;
    }
    confirmButton.current?.focus();
    const onKey = (event: KeyboardEvent): void => {
      if (event.key === 'Enter' && !event.defaultPrevented) {
        event.preventDefault();
        void useApprovalStore.getState().confirm();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, [view.state, view.busy]);

  const store = useApprovalStore.getState();
  const result = view.lastResult;
  const showScan = view.state === 'ready' || view.state === 'submitting' || view.state === 'result';

  return (
    <section
      className="approval"
      data-testid="approval-screen"
      data-state={view.state}
      data-busy={view.busy}
      data-pending-qr={view.pendingQr}
    >
      <header className="approval-head">
        <h2>{t('approval.title')}</h2>
        <Steps state={view.state} />
      </header>

      {lastError !== null && (
        <div
          className="banner banner-error"
          role="alert"
          data-testid="approval-ipc-error"
          data-code={lastError.code}
        >
          <span>{lastError.message}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => {
              store.clearError();
            }}
          >
            {t('app.dismiss')}
          </button>
        </div>
      )}

      {view.error !== null && (
        <div
          className="banner banner-error"
          role="alert"
          data-testid="approval-error"
          data-code={view.error.code}
        >
          <span>{view.error.message[uiLocale]}</span>
          {view.error.hint !== undefined && (
            <span className="approval-muted">{t('approval.support', { hint: view.error.hint })}</span>
          )}
        </div>
      )}

      {view.sessionEnded !== null && (
        <p
          className="banner banner-info"
          role="status"
          data-testid="approval-session-ended"
          data-reason={view.sessionEnded}
        >
          {t(`approval.sessionEnded.${view.sessionEnded}`)}
        </p>
      )}

      {view.pendingQr && (
        <p className="banner banner-info" data-testid="approval-pending-qr">
          {t('approval.pendingQr')}
        </p>
      )}

      {(view.state === 'identifying' || view.state === 'idle') && <IdentifyForm busy={view.busy} />}

      {view.state === 'confirm' && view.buyer !== null && (
        <div className="card approval-confirm">
          <p className="approval-prompt">{t('approval.confirmPrompt')}</p>
          <Buyer buyer={view.buyer} />
          <div className="approval-actions">
            <button
              ref={confirmButton}
              type="button"
              className="button button-primary"
              data-testid="approval-confirm"
              disabled={view.busy}
              onClick={() => {
                void store.confirm();
              }}
            >
              {t('approval.confirm')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="approval-wrong-buyer"
              onClick={() => {
                void store.newBuyer();
              }}
            >
              {t('approval.wrongBuyer')}
            </button>
          </div>
        </div>
      )}

      {showScan && view.buyer !== null && (
        <div className="approval-scan">
          <Buyer buyer={view.buyer} />
          <div className="approval-scan-main">
            <p className="approval-scan-prompt" data-testid="approval-scan-prompt">
              {view.state === 'submitting' ? t('approval.submitting') : t('approval.scanPrompt')}
            </p>
            <p className="approval-muted">{t('approval.scanHint')}</p>
            {result !== null && (
              <div
                className={
                  result.ok ? 'approval-result approval-result-ok' : 'approval-result approval-result-bad'
                }
                data-testid="approval-result"
                data-outcome={result.outcome}
                data-ok={result.ok}
                role="status"
              >
                <strong>{result.ok ? t('approval.resultApproved') : t('approval.resultNotApproved')}</strong>
                <span data-testid="approval-result-message">{result.message[uiLocale]}</span>
                <span className="approval-muted">{t('approval.code', { code: result.code })}</span>
              </div>
            )}
          </div>
        </div>
      )}

      <p className="approval-count" data-testid="approval-count" data-count={view.approvedCount}>
        {t('approval.approvedCount', { n: view.approvedCount })}
      </p>

      <div className="approval-actions">
        {view.canRetry && (
          <button
            type="button"
            className="button button-primary"
            data-testid="approval-retry"
            disabled={view.busy}
            onClick={() => {
              void store.retry();
            }}
          >
            {t('approval.retry')}
          </button>
        )}
        <button
          type="button"
          className="button"
          data-testid="approval-new-buyer"
          disabled={view.state === 'submitting'}
          onClick={() => {
            void store.newBuyer();
          }}
        >
          {t('approval.newBuyer')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="approval-close"
          onClick={() => {
            void store.close();
          }}
        >
          {t('approval.close')}
        </button>
      </div>
    </section>
  );
}
