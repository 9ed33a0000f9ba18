import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROFILES, type Profile } from '../../../shared/settings';
import { maySwitch, useGoLiveStore } from '../stores/go-live';
import { useSettingsStore } from '../stores/settings';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

/**
 * Going live (docs/architecture.md §14): choose the profile, run its checks against the saved
 * settings and secrets, and switch only after they pass and the manager confirms. Main checks again and
 * refuses on its own; leaving the sandbox removes the demo catalog.
 */
export function GoLivePanel({ current, dirty }: { current: Profile; dirty: boolean }) {
  const { t } = useTranslation();
  const state = useGoLiveStore();
  const [confirming, setConfirming] = useState(false);
  const profileName = (p: Profile): string => t(`settings.profiles.${p}`);
  const failed = state.lines?.filter((l) => !l.ok).length ?? 0;
  const canSwitch = !dirty && !state.busy && maySwitch(state, current);

  return (
    <section className="card go-live" data-testid="go-live" aria-labelledby="go-live-title">
      <h2 className="section-title" id="go-live-title">
        {t('goLive.title')}
      </h2>
      <p className="hint">{t('goLive.hint')}</p>
      <p data-testid="go-live-current" data-profile={current}>
        {t('goLive.current', { profile: profileName(current) })}
      </p>
      <div className="field">
        <label htmlFor="go-live-target">{t('goLive.target')}</label>
        <select
          id="go-live-target"
          data-testid="go-live-target"
          value={state.target}
          onChange={(e) => {
            state.setTarget(e.target.value as Profile);
          }}
        >
          {PROFILES.map((p) => (
            <option key={p} value={p}>
              {profileName(p)}
            </option>
          ))}
        </select>
      </div>
      {state.target !== 'sandbox' && (
        <button
          type="button"
          className="button"
          data-testid="go-live-check"
          disabled={state.busy || dirty}
          onClick={() => void state.check()}
        >
          {state.busy ? t('goLive.checking') : t('goLive.check')}
        </button>
      )}
      {state.lines && (
        <>
          <ul className="plain doctor-lines" data-testid="go-live-lines">
            {state.lines.map((line) => (
              <li key={line.provider} data-testid="go-live-line" data-ok={line.ok ? 'true' : 'false'}>
                <strong>{line.ok ? t('goLive.lineOk') : t('goLive.lineFail')}</strong> {line.provider}{' '}
                <code className="muted">{line.detail}</code>
              </li>
            ))}
          </ul>
          <p role="status" data-testid="go-live-summary" data-ok={failed === 0 ? 'true' : 'false'}>
            {failed === 0 ? t('goLive.checksPassed') : t('goLive.checksFailed', { count: failed })}
          </p>
        </>
      )}
      {state.lastError && (
        <p className="field-error" role="alert" data-testid="go-live-error" data-code={state.lastError.code}>
          {errorText(t, state.lastError)}
        </p>
      )}
      {state.switchedTo && (
        <p className="saved" role="status" data-testid="go-live-switched">
          {t('goLive.switched', { profile: profileName(state.switchedTo) })}
        </p>
      )}
      <button
        type="button"
        className="button button-danger"
        data-testid="go-live-switch"
        disabled={!canSwitch}
        title={canSwitch ? undefined : t('goLive.switchHint')}
        onClick={() => {
          setConfirming(true);
        }}
      >
        {t('goLive.switch', { profile: profileName(state.target) })}
      </button>
      {confirming && (
        <Dialog
          title={t('goLive.confirmTitle', { profile: profileName(state.target) })}
          testId="go-live-confirm"
          onClose={() => {
            setConfirming(false);
          }}
        >
          <p>{state.target === 'sandbox' ? t('goLive.confirmSandbox') : t('goLive.confirmLive')}</p>
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-danger"
              data-testid="go-live-confirm-yes"
              onClick={() => {
                setConfirming(false);
                void useGoLiveStore
                  .getState()
                  .switchProfile()
                  .then(() => useSettingsStore.getState().load());
              }}
            >
              {t('goLive.confirm')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="dialog-cancel"
              onClick={() => {
                setConfirming(false);
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}
