import { useEffect, useRef, type ReactNode } from 'react';
import { useScanStore } from '../stores/scan';

/**
 * A modal for one small task (quantity, discount, search, confirm). Esc closes it; focus goes to its first
 * field (or its first button) when it opens and back to the barcode field when it closes. While one is open,
 * main refuses scans (the page tells it, scanner/scan-context.ts): a scan must not change the sale under it.
 */
export function Dialog({
  title,
  testId,
  onClose,
  children,
}: {
  title: string;
  testId: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const first = ref.current?.querySelector<HTMLElement>('input, select, button.button-primary, button');
    first?.focus();
    return useScanStore.getState().dialogOpened();
  }, []);
  return (
    <div className="dialog-backdrop">
      <div
        ref={ref}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
