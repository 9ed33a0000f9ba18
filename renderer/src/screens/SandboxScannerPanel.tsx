import { useTranslation } from 'react-i18next';
import { useSandboxScannerStore } from '../stores/sandbox-scanner';

/**
 * Sandbox only: a virtual HID POS scanner, so a HID scan can be shown without hardware. Loudly marked (like the
 * sandbox customer phone); main refuses sandbox:scan outside the sandbox profile anyway.
 */
export function SandboxScannerPanel() {
  const { t } = useTranslation();
  const text = useSandboxScannerStore((s) => s.text);
  const unselected = useSandboxScannerStore((s) => s.unselected);
  const busy = useSandboxScannerStore((s) => s.busy);
  const lastError = useSandboxScannerStore((s) => s.lastError);
  const store = useSandboxScannerStore.getState;
  return (
    <details className="sandbox-scanner" data-testid="sandbox-scanner">
      <summary>{t('scan.sandbox.title')}</summary>
      <p className="muted">{t('scan.sandbox.hint')}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void store().scan();
        }}
      >
        <input
          type="text"
          autoComplete="off"
          spellCheck={false}
          aria-label={t('scan.sandbox.code')}
          placeholder={t('scan.sandbox.code')}
          value={text}
          data-testid="sandbox-scanner-code"
          onChange={(event) => {
            store().setText(event.target.value);
          }}
        />
        <button
          type="submit"
          className="button button-small"
          disabled={busy}
          data-testid="sandbox-scanner-scan"
        >
          {t('scan.sandbox.scan')}
        </button>
      </form>
      {unselected !== null && (
        <p role="status" data-testid="sandbox-scanner-unselected">
          {t('scan.sandbox.notSelected')}{' '}
          <button
            type="button"
            className="button button-small"
            disabled={busy}
            data-testid="sandbox-scanner-select"
            onClick={() => void store().select()}
          >
            {t('scan.sandbox.select')}
          </button>
        </p>
      )}
      {lastError !== null && (
        <p className="inline-error" role="alert" data-code={lastError.code}>
          {t('scan.unsent', { code: lastError.code })}
        </p>
      )}
    </details>
  );
}
