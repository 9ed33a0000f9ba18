import { memo } from 'react';
import { useTranslation } from 'react-i18next';

/** The keys of the sale screen, in the order the shortcut bar lists them. */
export const SALE_SHORTCUTS = [
  ['F2', 'saleDiscount'],
  ['F3', 'search'],
  ['F4', 'free'],
  ['F5', 'quantity'],
  ['F6', 'lineDiscount'],
  ['F7', 'void'],
  ['F8', 'hold'],
  ['F9', 'recall'],
  ['Delete', 'remove'],
  ['F12', 'pay'],
] as const;

/** The sale screen's keys as buttons; a click presses the key, so mouse and keyboard do the same thing. */
export const ShortcutBar = memo(function ShortcutBar() {
  const { t } = useTranslation();
  return (
    <nav className="shortcut-bar" aria-label={t('sale.shortcutsTitle')} data-testid="shortcut-bar">
      {SALE_SHORTCUTS.map(([key, action]) => (
        <button
          type="button"
          key={key}
          className="shortcut"
          data-testid={`shortcut-${key}`}
          onClick={() => {
            window.dispatchEvent(new KeyboardEvent('keydown', { key }));
          }}
        >
          <kbd>{key === 'Delete' ? 'Del' : key}</kbd>
          <span>{t(`sale.shortcuts.${action}`)}</span>
        </button>
      ))}
      <span className="shortcut shortcut-static">
        <kbd>3*</kbd>
        <span>{t('sale.shortcuts.times')}</span>
      </span>
    </nav>
  );
});
