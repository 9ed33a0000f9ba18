/**
 * The cashier page's scanner hookup: the shared document-level wedge capture (renderer/src/scanner/wedge-capture.ts:
 * scanner-speed keys never land in the focused input) feeds every finished scan to the approval store's routeScan,
 * the one routing action. Mounted once, in CashierApp.
 */
import { useEffect } from 'react';
import type { WedgeScan } from '../../../shared/keyboard/wedge';
import { attachWedgeCapture } from '../scanner/wedge-capture';
import { useApprovalStore } from '../stores/approval';

type Field = HTMLInputElement | HTMLTextAreaElement;

function focusedField(): Field | undefined {
  const target = document.activeElement;
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement ? target : undefined;
}

/**
 * Set a field's value the way typing does: through the element's own value setter (so React's value tracker
 * sees a change) and an `input` event (so its onChange runs).
 */
function setFieldValue(field: Field, value: string): void {
  const proto: object =
    field instanceof HTMLInputElement ? HTMLInputElement.prototype : HTMLTextAreaElement.prototype;
  const descriptor = Object.getOwnPropertyDescriptor(proto, 'value');
  if (descriptor?.set) {
    // The prototype's setter, called on this very field: React tracks values set through it.
    // eslint-disable-next-line @typescript-eslint/unbound-method
    Reflect.apply(descriptor.set, field, [value]);
  } else {
    field.value = value;
  }
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Text typed into the focused field. */
function deliver(text: string): void {
  const field = focusedField();
  if (field) {
    setFieldValue(field, field.value + text);
  }
}

/** Remove the first keys of a scan that reached the focused field before the burst was recognised. */
export function unleak(scan: Pick<WedgeScan, 'text' | 'leaked'>): void {
  const prefix = scan.text.slice(0, scan.leaked);
  const field = focusedField();
  if (prefix !== '' && field?.value.endsWith(prefix)) {
    setFieldValue(field, field.value.slice(0, field.value.length - prefix.length));
  }
}

/**
 * A scan the approval flow did not take (a product barcode on the sale screen): replayed as if typed into the
 * focused field and confirmed with Enter, exactly what the scanner would have done without the capture.
 */
export function replayAsTyping(text: string): void {
  const target = document.activeElement;
  if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement)) {
    return;
  }
  deliver(text);
  const enter = new KeyboardEvent('keydown', {
    key: 'Enter',
    code: 'Enter',
    bubbles: true,
    cancelable: true,
  });
  // Like a real Enter: handlers see the keydown; if none took it, an input in a form submits the form.
  if (target.dispatchEvent(enter) && target instanceof HTMLInputElement) {
    target.form?.requestSubmit();
  }
}

/**
 * Mount once on the cashier page: scans on any screen reach the approval store's router, and the store follows
 * `approval:updated` whichever screen is open.
 */
export function ApprovalScanCapture() {
  useEffect(() => {
    let off: (() => void) | undefined;
    let cancelled = false;
    void useApprovalStore
      .getState()
      .start()
      .then((unsubscribe) => {
        if (cancelled) {
          unsubscribe();
        } else {
          off = unsubscribe;
        }
      });
    return () => {
      cancelled = true;
      off?.();
    };
  }, []);
  useEffect(() => {
    const capture = attachWedgeCapture({
      onScan: (scan) => {
        unleak(scan);
        void useApprovalStore
          .getState()
          .routeScan(scan.text)
          .then((route) => {
            if (route.to === 'unhandled' && route.reason === 'not-approval-screen') {
              replayAsTyping(scan.text);
            }
          });
      },
      onReleased: deliver,
    });
    return () => {
      capture.detach();
    };
  }, []);
  return null;
}
