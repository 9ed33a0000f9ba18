import { act, useRef } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScanOutcome } from '../../../shared/channels/scan';
import { MN_EAN13, type KeyTuple } from '../../../shared/keyboard/wedge.fixtures';
import { defaultSettings } from '../../../shared/settings';
import { createCashierI18n } from '../i18n';
import { BarcodeField } from '../screens/sale/BarcodeField';
import { ScanNotice } from '../screens/ScanNotice';
import { useAppStore } from '../stores/app';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { useSettingsStore } from '../stores/settings';
import { emitFakeEvent, installFakeKassa, type FakeCall } from '../testing/fake-kassa';
import { ScannerHookup } from './ScannerHookup';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  ({ container, root } = mountTestRoot());
  useAppStore.setState({ tab: 'sale', connected: true });
  useSaleStore.setState({ view: null, step: 'sale', selectedLineId: null });
  useScanStore.setState({ entry: '', notice: null, dialogs: 0 });
  useSettingsStore.setState({ saved: defaultSettings(), uiLocale: 'mn' });
});

afterEach(() => {
  unmountTestRoot(root, container);
});

function Page() {
  const ref = useRef<HTMLInputElement>(null);
  return (
    <I18nextProvider i18n={createCashierI18n('mn')}>
      <ScannerHookup />
      <ScanNotice />
      <BarcodeField inputRef={ref} />
    </I18nextProvider>
  );
}

const nativeValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value');

/**
 * The browser's default action for a key nobody prevented: its character is typed at the caret, as a native
 * edit React notices (happy-dom's setRangeText goes through React's own value hook, Chromium's does not).
 */
function typeUnprevented(field: HTMLInputElement): void {
  field.addEventListener('keydown', (event) => {
    if (!event.defaultPrevented && /^.$/su.test(event.key)) {
      const at = field.selectionStart ?? field.value.length;
      nativeValue?.set?.call(field, field.value.slice(0, at) + event.key + field.value.slice(at));
      field.setSelectionRange(at + event.key.length, at + event.key.length);
      field.dispatchEvent(
        new InputEvent('input', { bubbles: true, inputType: 'insertText', data: event.key }),
      );
    }
  });
}

async function mount(): Promise<{ field: HTMLInputElement; calls: FakeCall[] }> {
  const fake = installFakeKassa({
    'scan:submit': () => ({ ok: true, value: { result: 'refused' } }),
    'scan:set-screen': (input) => ({ ok: true, value: input }),
  });
  await act(async () => {
    root.render(<Page />);
    await Promise.resolve();
  });
  const field = container.querySelector<HTMLInputElement>('[data-testid="barcode-input"]');
  if (field === null) {
    throw new Error('no barcode field');
  }
  typeUnprevented(field);
  field.focus();
  return { field, calls: fake.calls };
}

/** US-layout digit keys and Enter, as a scanner sends them. */
const usDigits = (digits: string): KeyTuple[] => [
  ...digits.split('').map((d): KeyTuple => [5, `Digit${d}`, d]),
  [5, 'Enter', 'Enter'],
];

/**
 * Keydowns back to back, each stamped with its tuple's gap after the previous one (far under the 50 ms gap):
 * the stamps are set, not taken from the clock, so a busy test machine cannot stretch a scan into typing.
 * `key` is what the active layout types for each.
 */
function scan(field: HTMLInputElement, keys: readonly KeyTuple[]): void {
  act(() => {
    let stamp = performance.now();
    for (const [gap, code, key] of keys) {
      stamp += gap;
      const event = new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true });
      Object.defineProperty(event, 'timeStamp', { value: stamp });
      field.dispatchEvent(event);
    }
  });
}

const submitted = (calls: FakeCall[]) => calls.filter((c) => c.channel === 'scan:submit').map((c) => c.input);

describe('scanner hookup on the cashier page', () => {
  it('"12" typed, then a scan: the scan goes to main alone, once, and the field keeps "12"', async () => {
    const { field, calls } = await mount();
    act(() => {
      useScanStore.getState().setEntry('12');
    });
    field.setSelectionRange(2, 2);
    scan(field, usDigits('4006381333931'));
    expect(submitted(calls)).toEqual([{ text: '4006381333931', source: 'wedge' }]);
    expect(field.value).toBe('12');
    expect(useScanStore.getState().entry).toBe('12');
  });

  it('Mongolian layout: the leaked keys typed symbols; exactly those are taken back', async () => {
    const { field, calls } = await mount();
    // Digit4 Digit0 … on the Mongolian layout type ₮ ? . " …
    scan(field, MN_EAN13);
    expect(submitted(calls)).toEqual([{ text: '4006381333931', source: 'wedge' }]);
    expect(field.value).toBe('');
  });

  it('3* then a scan: sent with the multiplier; the field is cleared when main says it was used', async () => {
    const { field, calls } = await mount();
    act(() => {
      useScanStore.getState().setEntry('3*');
    });
    expect(calls.filter((c) => c.channel === 'scan:set-screen').at(-1)?.input).toEqual({
      screen: 'sale',
      dialog: false,
      quantity: 3,
    });
    field.setSelectionRange(2, 2);
    scan(field, usDigits('4006381333931'));
    expect(submitted(calls)).toEqual([{ text: '4006381333931', source: 'wedge', quantity: 3 }]);
    expect(field.value).toBe('3*');
    const used: ScanOutcome = {
      seq: 1,
      source: 'wedge',
      kind: 'ean13',
      result: 'line-added',
      saleId: 'S1',
      lineId: 'L1',
      multiplier: 3,
      navigate: 'sale',
    };
    act(() => {
      emitFakeEvent('scan:outcome', used);
    });
    expect(field.value).toBe('');
  });

  it('a refusal is shown in the cashier language and goes away when the cashier types', async () => {
    const { field } = await mount();
    act(() => {
      emitFakeEvent('scan:outcome', {
        seq: 1,
        source: 'hid',
        kind: 'ean13',
        result: 'refused',
        error: { code: 'product-not-found', barcode: '4006381333931' },
        navigate: null,
      });
    });
    const notice = container.querySelector('[data-testid="scan-notice"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    expect(notice?.textContent).toContain('Энэ кодтой бараа олдсонгүй: 4006381333931');
    field.setSelectionRange(0, 0);
    act(() => {
      field.dispatchEvent(new KeyboardEvent('keydown', { code: 'Digit5', key: '5', bubbles: true }));
    });
    expect(container.querySelector('[data-testid="scan-notice"]')).toBeNull();
  });

  it('wedge capture off in settings: the scanner is a keyboard, nothing is held back or sent', async () => {
    const settings = defaultSettings();
    settings.devices.wedge.enabled = false;
    useSettingsStore.setState({ saved: settings });
    const { field, calls } = await mount();
    scan(field, usDigits('4006381333931'));
    expect(submitted(calls)).toEqual([]);
    expect(field.value).toBe('4006381333931');
  });

  it('tells main the screen at start, and what changes (a dialog, the step)', async () => {
    const { calls } = await mount();
    const contexts = () => calls.filter((c) => c.channel === 'scan:set-screen').map((c) => c.input);
    expect(contexts()).toEqual([{ screen: 'sale', dialog: false, quantity: null }]);
    let close: () => void = () => undefined;
    act(() => {
      close = useScanStore.getState().dialogOpened();
    });
    act(() => {
      close();
      useSaleStore.setState({ step: 'payment' });
      useAppStore.setState({ tab: 'approval' });
    });
    expect(contexts()).toEqual([
      { screen: 'sale', dialog: false, quantity: null },
      { screen: 'sale', dialog: true, quantity: null },
      { screen: 'sale', dialog: false, quantity: null },
      { screen: 'payment', dialog: false, quantity: null },
      { screen: 'approval', dialog: false, quantity: null },
    ]);
    // The till restarted: its router starts from the sale screen, so the page says it again, unchanged or not.
    act(() => {
      useAppStore.setState({ connected: false });
      useAppStore.setState({ connected: true });
    });
    expect(contexts().slice(-1)).toEqual([{ screen: 'approval', dialog: false, quantity: null }]);
    expect(contexts()).toHaveLength(6);
  });
});
