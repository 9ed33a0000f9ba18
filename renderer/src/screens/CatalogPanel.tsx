import { useTranslation } from 'react-i18next';
import { useCatalogStore } from '../stores/catalog';

/** Settings → Catalog: replace the product list from a spreadsheet's CSV export. */
export function CatalogPanel() {
  const { t } = useTranslation();
  const busy = useCatalogStore((s) => s.busy);
  const imported = useCatalogStore((s) => s.imported);
  const progress = useCatalogStore((s) => s.progress);
  const warnings = useCatalogStore((s) => s.warnings);
  const warningCount = useCatalogStore((s) => s.warningCount);
  const problems = useCatalogStore((s) => s.problems);
  const lastError = useCatalogStore((s) => s.lastError);
  const importFile = useCatalogStore((s) => s.importFile);

  return (
    <fieldset className="card" data-testid="catalog-panel">
      <legend>{t('catalog.title')}</legend>
      <p className="hint">{t('catalog.hint')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        disabled={busy}
        data-testid="catalog-file"
        aria-label={t('catalog.choose')}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file) {
            void importFile(file, file.name);
          }
          event.currentTarget.value = '';
        }}
      />
      {busy && (
        <p className="hint" role="status" data-testid="catalog-progress">
          {progress
            ? t('catalog.progress', {
                rows: progress.rows,
                percent:
                  progress.totalBytes > 0 ? Math.floor((progress.bytes / progress.totalBytes) * 100) : 100,
              })
            : t('catalog.working')}
        </p>
      )}
      {imported !== null && (
        <p className="banner banner-info" role="status" data-testid="catalog-imported">
          {t('catalog.imported', { count: imported })}
        </p>
      )}
      {warningCount > 0 && (
        <div className="banner banner-warning" data-testid="catalog-warnings">
          <p>{t('catalog.warnings', { count: warningCount })}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {lastError && (
        <div
          className="banner banner-error"
          role="alert"
          data-testid="catalog-error"
          data-code={lastError.code}
        >
          <p>{t('catalog.failed')}</p>
          {problems.length > 0 ? (
            <ul data-testid="catalog-problems">
              {problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : (
            <p>{lastError.message}</p>
          )}
        </div>
      )}
    </fieldset>
  );
}
