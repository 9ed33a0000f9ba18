import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CASHIER_LOCALES, COUNTRIES, DISPLAY_LOCALES, type Settings } from '../../../shared/settings';
import { useAppStore } from '../stores/app';
import { useGoLiveStore } from '../stores/go-live';
import { useSecretsStore } from '../stores/secrets';
import { useIsManager } from '../stores/session';
import { useSettingsStore } from '../stores/settings';
import { CatalogPanel } from './CatalogPanel';
import { DevicesPanel } from './DevicesPanel';
import { Field } from './Field';
import { GoLivePanel } from './GoLivePanel';
import { ManagerSignIn } from './ManagerSignIn';
import { PrinterPanel } from './PrinterPanel';
import { ProviderSettings } from './ProviderSettings';
import { SecretsPanel } from './SecretsPanel';
import { StoreDetailsFields } from './StoreDetailsFields';

function DisplayTarget({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const error = useSettingsStore((s) => s.fieldErrors['display.target']);
  const target = draft.display.target;
  return (
    <>
      <Field id="settings-display-target" label={t('settings.displayTarget')} error={error}>
        <select
          id="settings-display-target"
          data-testid="settings-display-target"
          value={target === 'auto' ? 'auto' : 'chosen'}
          onChange={(e) => {
            edit(['display', 'target'], e.target.value === 'auto' ? 'auto' : 0);
          }}
        >
          <option value="auto">{t('settings.displayTargetAuto')}</option>
          <option value="chosen">{t('settings.displayTargetChosen')}</option>
        </select>
      </Field>
      {target !== 'auto' && (
        <Field id="settings-display-target-id" label={t('settings.displayTargetId')} error={undefined}>
          <input
            id="settings-display-target-id"
            data-testid="settings-display-target-id"
            type="number"
            min={0}
            step={1}
            value={target}
            onChange={(e) => {
              const n = Number(e.target.value);
              // Anything that is not a number goes to the host as typed, so its message shows on the field.
              edit(['display', 'target'], e.target.value === '' || Number.isNaN(n) ? e.target.value : n);
            }}
          />
        </Field>
      )}
    </>
  );
}

/**
 * Settings are a manager's (docs/architecture.md §3.1): a cashier sees the manager sign-in
 * here, and main refuses every change from a cashier anyway.
 */
export function SettingsScreen() {
  const { t } = useTranslation();
  const isManager = useIsManager();
  if (!isManager) {
    return (
      <section className="settings" data-testid="settings-screen" data-locked="true">
        <ManagerSignIn reason={t('session.settingsNeedManager')} />
      </section>
    );
  }
  return <ManagerSettings />;
}

/**
 * General, customer display, every provider setting (Go live), secrets, scanners, catalog. One Save for the
 * settings; secrets are set one by one; the profile changes only on the Go live card.
 */
function ManagerSettings() {
  const { t } = useTranslation();
  const draft = useSettingsStore((s) => s.draft);
  const status = useSettingsStore((s) => s.status);
  const fieldErrors = useSettingsStore((s) => s.fieldErrors);
  const justSaved = useSettingsStore((s) => s.justSaved);
  const edit = useSettingsStore((s) => s.edit);
  const save = useSettingsStore((s) => s.save);
  const reset = useSettingsStore((s) => s.reset);
  const info = useAppStore((s) => s.info);
  const saved = useSettingsStore((s) => s.saved);
  const clearedSecrets = useSettingsStore((s) => s.clearedSecrets);

  useEffect(() => {
    void useSecretsStore.getState().load();
  }, []);
  useEffect(() => {
    // A save that cleared secrets (a provider's address changed): show them as unset at once.
    if (clearedSecrets.length > 0) {
      void useSecretsStore.getState().load();
    }
  }, [clearedSecrets]);
  const dirty = saved !== null && draft !== null && JSON.stringify(saved) !== JSON.stringify(draft);
  useEffect(() => {
    useGoLiveStore.getState().forgetChecks();
  }, [saved]);

  if (!draft) {
    return (
      <section className="settings" data-testid="settings-screen" aria-busy="true">
        <p>{t('settings.loading')}</p>
      </section>
    );
  }
  const hasErrors = Object.keys(fieldErrors).length > 0;

  return (
    <section className="settings" data-testid="settings-screen">
      <form
        className="settings-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className="card">
          <legend>{t('settings.general')}</legend>
          <p className="field" data-testid="settings-profile" data-profile={draft.profile}>
            <span>{t('settings.profile')}</span> <strong>{t(`settings.profiles.${draft.profile}`)}</strong>
          </p>
          <Field id="settings-country" label={t('settings.country')} error={fieldErrors.country}>
            <select
              id="settings-country"
              data-testid="settings-country"
              value={draft.country}
              onChange={(e) => {
                edit(['country'], e.target.value);
              }}
            >
              {COUNTRIES.map((c) => (
                <option key={c} value={c}>
                  {t(`settings.countries.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="settings-store-name" label={t('settings.storeName')} error={fieldErrors['store.name']}>
            <input
              id="settings-store-name"
              data-testid="settings-store-name"
              type="text"
              autoComplete="off"
              value={draft.store.name}
              aria-invalid={fieldErrors['store.name'] !== undefined}
              onChange={(e) => {
                edit(['store', 'name'], e.target.value);
              }}
            />
          </Field>
          <StoreDetailsFields draft={draft} />
          <Field id="settings-locale" label={t('settings.cashierLanguage')} error={fieldErrors.locale}>
            <select
              id="settings-locale"
              data-testid="settings-locale"
              value={draft.locale}
              onChange={(e) => {
                edit(['locale'], e.target.value);
              }}
            >
              {CASHIER_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`settings.cashierLanguages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>

        <fieldset className="card">
          <legend>{t('settings.display')}</legend>
          <div className="field field-check">
            <input
              id="settings-display-enabled"
              data-testid="settings-display-enabled"
              type="checkbox"
              checked={draft.display.enabled}
              onChange={(e) => {
                edit(['display', 'enabled'], e.target.checked);
              }}
            />
            <label htmlFor="settings-display-enabled">{t('settings.displayEnabled')}</label>
          </div>
          <Field
            id="settings-display-locale"
            label={t('settings.displayLanguage')}
            error={fieldErrors['display.locale']}
          >
            <select
              id="settings-display-locale"
              data-testid="settings-display-locale"
              value={draft.display.locale}
              onChange={(e) => {
                edit(['display', 'locale'], e.target.value);
              }}
            >
              {DISPLAY_LOCALES.map((l) => (
                <option key={l} value={l}>
                  {t(`settings.displayLanguages.${l}`)}
                </option>
              ))}
            </select>
          </Field>
          <DisplayTarget draft={draft} />
        </fieldset>

        <PrinterPanel draft={draft} />

        <ProviderSettings draft={draft} />

        <div className="save-bar">
          {hasErrors && (
            <p className="field-error" role="alert" data-testid="settings-invalid">
              {t('settings.invalid')}
            </p>
          )}
          {justSaved && (
            <p className="saved" role="status" data-testid="settings-saved">
              {t('settings.saved')}
            </p>
          )}
          {clearedSecrets.length > 0 && (
            <p className="banner banner-warning" role="status" data-testid="secrets-cleared">
              {t('goLive.secretsCleared', {
                names: clearedSecrets.map((name) => t(`secrets.names.${name}`)).join(', '),
              })}
            </p>
          )}
          <button type="button" className="button" data-testid="settings-reset" onClick={reset}>
            {t('settings.reset')}
          </button>
          <button
            type="submit"
            className="button button-primary"
            data-testid="settings-save"
            disabled={status === 'saving'}
          >
            {status === 'saving' ? t('settings.saving') : t('settings.save')}
          </button>
        </div>
      </form>

      <SecretsPanel country={draft.country} />
      <GoLivePanel current={saved?.profile ?? draft.profile} dirty={dirty} />
      <DevicesPanel />
      <CatalogPanel />

      {info && (
        <dl className="about" data-testid="app-info">
          <dt>{t('settings.version')}</dt>
          <dd>{info.version}</dd>
          <dt>{t('settings.dataDir')}</dt>
          <dd>
            <code>{info.dataDir}</code>
          </dd>
        </dl>
      )}
    </section>
  );
}
