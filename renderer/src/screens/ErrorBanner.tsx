import { useTranslation } from 'react-i18next';
import type { ShownError } from '../stores/errors';

/** The last error of a store, shown until dismissed: the host's message plus its stable code. */
export function ErrorBanner({ error, onDismiss }: { error: ShownError | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (error === null) {
    return null;
  }
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner" data-code={error.code}>
      <span>
        <strong>{t('app.errorPrefix')}:</strong> {error.message}{' '}
        <code className="error-code">{error.code}</code>
      </span>
      <button type="button" className="button button-small" data-testid="error-dismiss" onClick={onDismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
