import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings';
import { useSettingsStore } from '../stores/settings';
import { Field } from './Field';

/**
 * Provider URL fields, found generically in the settings object: every string key named `baseUrl` or ending in
 * `Url`. Provider settings grow as providers are added, and the host validates each URL, so this screen needs
 * no change when a provider gains an address.
 */
export function urlFields(settings: Settings): { provider: string; key: string; value: string }[] {
  const out: { provider: string; key: string; value: string }[] = [];
  for (const [provider, fields] of Object.entries(settings.providers)) {
    for (const [key, value] of Object.entries(fields as Record<string, unknown>)) {
      if ((key === 'baseUrl' || key.endsWith('Url')) && typeof value === 'string') {
        out.push({ provider, key, value });
      }
    }
  }
  return out;
}

export function ProviderUrls({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const fieldErrors = useSettingsStore((s) => s.fieldErrors);
  const fields = urlFields(draft);
  const providers = [...new Set(fields.map((f) => f.provider))];

  return (
    <fieldset className="card">
      <legend>{t('settings.providers')}</legend>
      <p className="hint">{t('settings.providersHint')}</p>
      {providers.map((provider) => (
        <div key={provider} className="provider-group" data-testid={`provider-${provider}`}>
          <h3>{t(`providerNames.${provider}`, { defaultValue: provider })}</h3>
          {fields
            .filter((f) => f.provider === provider)
            .map(({ key, value }) => {
              const path = `providers.${provider}.${key}`;
              const id = `settings-url-${provider}-${key}`;
              return (
                <Field
                  key={key}
                  id={id}
                  label={key === 'baseUrl' ? t('settings.baseUrl') : t('settings.urlField', { field: key })}
                  error={fieldErrors[path]}
                >
                  <input
                    id={id}
                    data-testid={id}
                    type="url"
                    inputMode="url"
                    spellCheck={false}
                    autoComplete="off"
                    value={value}
                    aria-invalid={fieldErrors[path] !== undefined}
                    onChange={(e) => {
                      edit(['providers', provider, key], e.target.value);
                    }}
                  />
                </Field>
              );
            })}
        </div>
      ))}
    </fieldset>
  );
}
