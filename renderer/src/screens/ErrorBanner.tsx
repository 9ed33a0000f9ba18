import { useTranslation } from 'react-i18next';
import type { ShownError } from '../stores/errors';
import { errorText } from './error-text';

/** The last error of a store, shown until dismissed: worded from its stable code, plus the code for support. */
export function ErrorBanner({ error, onDismiss }: { error: ShownError | null; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (error === null) {
    return null;
  }
  return (
    <div className="banner banner-error" role="alert" data-testid="error-banner" data-code={error.code}>
      <span>
        <strong>{t('app.errorPrefix')}:</strong> {errorText(t, error)}{' '}
        <code className="error-code">{error.code}</code>
      </span>
      <button type="button" className="button button-small" data-testid="error-dismiss" onClick={onDismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  );
}
