import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../shared/settings';
import type { ProviderName } from '../../../shared/settings/endpoints';
import {
  PROVIDER_FIELDS,
  PROVIDERS_BY_COUNTRY,
  type ProviderField,
} from '../../../shared/settings/provider-fields';
import { useSettingsStore } from '../stores/settings';
import { Field } from './Field';

/** The value at a dotted key inside a provider's settings. */
function valueAt(section: object, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>(
      (node, part) =>
        node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
      section,
    );
}

/** `providers.socialpay.terminal` → `settings-socialpay-terminal`: the control's id and test id. */
export function providerFieldId(provider: ProviderName, key: string): string {
  return `settings-${provider}-${key.replace(/\./g, '-')}`;
}

function ProviderFieldControl({
  provider,
  field,
  section,
}: {
  provider: ProviderName;
  field: ProviderField;
  section: object;
}) {
  const { t } = useTranslation();
  const edit = useSettingsStore((s) => s.edit);
  const path = `providers.${provider}.${field.key}`;
  const error = useSettingsStore((s) => s.fieldErrors[path]);
  const id = providerFieldId(provider, field.key);
  const label = t(`goLive.fields.${provider}.${field.key}`);
  const value = valueAt(section, field.key);
  const set = (next: unknown): void => {
    edit(['providers', provider, ...field.key.split('.')], next);
  };

  if (field.kind === 'boolean') {
    return (
      <div className="field field-check">
        <input
          id={id}
          data-testid={id}
          type="checkbox"
          checked={value === true}
          onChange={(e) => {
            set(e.target.checked);
          }}
        />
        <label htmlFor={id}>{label}</label>
      </div>
    );
  }
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  return (
    <Field id={id} label={label} error={error}>
      {field.kind === 'select' ? (
        <select
          id={id}
          data-testid={id}
          value={text}
          onChange={(e) => {
            set(e.target.value);
          }}
        >
          {(field.options ?? []).map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      ) : field.kind === 'pem' ? (
        <textarea
          id={id}
          data-testid={id}
          rows={4}
          spellCheck={false}
          value={text}
          aria-invalid={error !== undefined}
          onChange={(e) => {
            set(e.target.value);
          }}
        />
      ) : (
        <input
          id={id}
          data-testid={id}
          type={field.kind === 'url' ? 'url' : 'text'}
          inputMode={field.kind === 'digits' || field.kind === 'number' ? 'numeric' : undefined}
          spellCheck={false}
          autoComplete="off"
          value={text}
          aria-invalid={error !== undefined}
          onChange={(e) => {
            const typed = e.target.value;
            // Numbers go to the host as numbers; anything else as typed, so its message shows on the field.
            set(field.kind === 'number' && /^\d+$/.test(typed) ? Number(typed) : typed);
          }}
        />
      )}
    </Field>
  );
}

/**
 * Every setting of the providers this store's country uses — addresses, terminal and client ids, the eBarimt
 * merchant identity — so going live never needs the CLI (docs/architecture.md §14). Saving a changed
 * address clears that provider's secrets (main says which; the Secrets card shows it).
 */
export function ProviderSettings({ draft }: { draft: Settings }) {
  const { t } = useTranslation();
  return (
    <fieldset className="card" data-testid="provider-settings">
      <legend>{t('goLive.providers')}</legend>
      <p className="hint">{t('settings.providersHint')}</p>
      {PROVIDERS_BY_COUNTRY[draft.country].map((provider) => (
        <div key={provider} className="provider-group" data-testid={`provider-${provider}`}>
          <h3>{t(`providerNames.${provider}`)}</h3>
          {PROVIDER_FIELDS[provider].map((field) => (
            <ProviderFieldControl
              key={field.key}
              provider={provider}
              field={field}
              section={draft.providers[provider]}
            />
          ))}
        </div>
      ))}
    </fieldset>
  );
}
