import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SecretName, SecretStatus } from '../../../shared/secrets';
import { useSecretsStore } from '../stores/secrets';
import { useStoreTimeZone } from '../stores/settings';
import { dateTimeText } from './format';

/**
 * One write-only secret: a password input, Set and Clear, and whether it is set. The typed value lives only
 * in this input until Set is pressed; it is cleared before the request goes out, so it is never kept after a
 * save (successful or not) and is never read back from the host.
 */
export function SecretField({
  name,
  status,
  locked,
}: {
  name: SecretName;
  status: SecretStatus | undefined;
  locked: boolean;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const busy = useSecretsStore((s) => s.busy === name);
  const error = useSecretsStore((s) => s.errors[name]);
  const setSecret = useSecretsStore((s) => s.set);
  const clearSecret = useSecretsStore((s) => s.clear);
  const timeZone = useStoreTimeZone();
  const isSet = status?.set === true;
  const inputId = `secret-input-${name}`;

  return (
    <form
      className="secret"
      data-testid={`secret-${name}`}
      autoComplete="off"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = value;
        setValue('');
        if (typed !== '') {
          void setSecret(name, typed);
        }
      }}
    >
      <div className="secret-head">
        <label htmlFor={inputId}>{t(`secrets.names.${name}`)}</label>
        <span
          className={isSet ? 'status-badge status-set' : 'status-badge status-unset'}
          data-testid={`secret-status-${name}`}
          data-set={isSet ? 'true' : 'false'}
        >
          {isSet ? t('secrets.isSet') : t('secrets.isUnset')}
        </span>
      </div>
      {isSet && status.updatedAt && (
        <p className="hint">{t('secrets.updatedAt', { date: dateTimeText(status.updatedAt, timeZone) })}</p>
      )}
      {isSet && status.origin !== null && (
        <p className="hint" data-testid={`secret-origin-${name}`}>
          {t('goLive.secretOrigin', { origin: status.origin })}
        </p>
      )}
      <div className="secret-row">
        <input
          id={inputId}
          data-testid={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={t('secrets.placeholder')}
          value={value}
          disabled={locked}
          onChange={(e) => {
            setValue(e.target.value);
          }}
        />
        <button
          type="submit"
          className="button button-primary"
          data-testid={`secret-set-${name}`}
          disabled={locked || busy || value === ''}
        >
          {t('secrets.set')}
        </button>
        <button
          type="button"
          className="button"
          data-testid={`secret-clear-${name}`}
          disabled={locked || busy || !isSet}
          onClick={() => {
            void clearSecret(name);
          }}
        >
          {t('secrets.clear')}
        </button>
      </div>
      {error !== undefined && (
        <p className="field-error" role="alert" data-testid={`secret-error-${name}`}>
          {error}
        </p>
      )}
    </form>
  );
}
