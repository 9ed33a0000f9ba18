import { useTranslation } from 'react-i18next';
import { secretsOf } from '../../../shared/secrets';
import type { Country } from '../../../shared/settings';
import { PROVIDERS_BY_COUNTRY } from '../../../shared/settings/provider-fields';
import { useSecretsStore } from '../stores/secrets';
import { SecretField } from './SecretField';

/**
 * The secrets of this country's providers (write-only), each with the address it will be sent to, plus the
 * vault's backend and any warning from the host.
 */
export function SecretsPanel({ country }: { country: Country }) {
  const { t } = useTranslation();
  const status = useSecretsStore((s) => s.status);
  const locked = status?.locked === true;

  return (
    <fieldset className="card" data-testid="secrets-panel">
      <legend>{t('secrets.title')}</legend>
      <p className="hint">{t('secrets.hint')}</p>
      {status && (
        <p className="vault-backend" data-testid="vault-backend" data-backend={status.backend}>
          {t('secrets.backend', { backend: t(`secrets.backends.${status.backend}`) })}
        </p>
      )}
      {locked && (
        <p className="banner banner-error" role="alert" data-testid="vault-locked">
          {t('secrets.locked')}
        </p>
      )}
      {status?.warning && (
        <p className="banner banner-warning" role="status" data-testid="vault-warning">
          {status.warning}
        </p>
      )}
      <div className="secret-list">
        {PROVIDERS_BY_COUNTRY[country].flatMap(secretsOf).map((name) => (
          <SecretField
            key={name}
            name={name}
            status={status?.secrets.find((s) => s.name === name)}
            locked={locked}
          />
        ))}
      </div>
    </fieldset>
  );
}
