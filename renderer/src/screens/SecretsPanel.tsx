import { useTranslation } from 'react-i18next';
import { SECRET_NAMES } from '../../../shared/secrets';
import { useSecretsStore } from '../stores/secrets';
import { SecretField } from './SecretField';

/** Every secret of the closed set, with the vault's backend and any warning from the host. */
export function SecretsPanel() {
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
        {SECRET_NAMES.map((name) => (
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
