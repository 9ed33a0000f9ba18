/**
 * The cashier's printer banner: silent while the printer is ready (or there is none) and nothing waits; every
 * other state is a sentence in the cashier's language; a document that may not have printed offers Reprint,
 * which asks main to print that sale's receipt again.
 */
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../shared/channels/printer';
import type { CashierLocale } from '../../../shared/settings';
import { createCashierI18n } from '../i18n';
import { usePrinterStore } from '../stores/printer';
import { emitFakeEvent, installFakeKassa } from '../testing/fake-kassa';
import { PrinterBanner } from './PrinterBanner';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const READY: PrinterStatus = {
  state: 'ready',
  label: '192.168.1.50:9100',
  waiting: [],
  paperLow: false,
  unconfirmed: null,
};

let container: HTMLDivElement;
let root: Root;

function render(locale: CashierLocale): void {
  act(() => {
    root.render(
      <I18nextProvider i18n={createCashierI18n(locale)}>
        <PrinterBanner />
      </I18nextProvider>,
    );
  });
}

function banner(): HTMLElement | null {
  return container.querySelector('[data-testid="printer-banner"]');
}

/** main's status as the store holds it (the event itself: the first test). */
function show(status: PrinterStatus): void {
  act(() => {
    usePrinterStore.setState({ status });
  });
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
  usePrinterStore.setState({ status: null, busy: false, lastSent: null, lastError: null });
});
afterEach(() => {
  unmountTestRoot(root, container);
});

describe('the printer banner', () => {
  it('asks printer:status on start and follows the printer:status event', async () => {
    const { calls } = installFakeKassa({
      'printer:status': () => ({ ok: true, value: { ...READY, state: 'paper-out' } }),
    });
    let off: () => void = () => undefined;
    await act(async () => {
      off = usePrinterStore.getState().start();
      await Promise.resolve();
    });
    render('en');
    expect(calls.map((c) => c.channel)).toContain('printer:status');
    expect(banner()?.getAttribute('data-state')).toBe('paper-out');
    act(() => {
      emitFakeEvent('printer:status', { ...READY, state: 'cover-open' });
    });
    expect(banner()?.getAttribute('data-state')).toBe('cover-open');
    act(() => {
      emitFakeEvent('printer:status', READY);
    });
    expect(banner()).toBeNull();
    off();
  });

  it('says nothing while the printer is ready or off and nothing waits', () => {
    installFakeKassa({});
    render('en');
    usePrinterStore.setState({ status: READY });
    render('en');
    expect(banner()).toBeNull();
    show({ ...READY, state: 'off', label: null });
    expect(banner()).toBeNull();
  });

  const CASES: {
    status: PrinterStatus;
    role: 'alert' | 'status';
    mn: string;
    en: string;
  }[] = [
    {
      status: { ...READY, state: 'paper-out' },
      role: 'alert',
      mn: 'Принтерийн цаас дууссан',
      en: 'The printer is out of paper',
    },
    {
      status: { ...READY, state: 'cover-open' },
      role: 'alert',
      mn: 'Принтерийн таг онгорхой',
      en: 'The printer cover is open',
    },
    { status: { ...READY, state: 'offline' }, role: 'alert', mn: 'Принтер ажиллахгүй', en: 'offline' },
    {
      status: { ...READY, state: 'unreachable' },
      role: 'alert',
      mn: 'Принтер (192.168.1.50:9100) хариу өгөхгүй',
      en: 'The printer (192.168.1.50:9100) does not answer',
    },
    {
      status: {
        ...READY,
        state: 'printing',
        waiting: [
          { id: 'j1', label: 'receipt #41' },
          { id: 'j2', label: 'receipt #42' },
        ],
      },
      role: 'status',
      mn: '2 баримт хэвлэгдэхийг хүлээж байна',
      en: '2 documents are waiting to print',
    },
    {
      status: { ...READY, paperLow: true },
      role: 'status',
      mn: 'цаас дуусах дөхөж байна',
      en: 'The paper roll is nearly out',
    },
    {
      status: { ...READY, unconfirmed: { id: 'j3', label: 'receipt #42', saleId: 'S42' } },
      role: 'alert',
      mn: 'Баримт #42 хэвлэгдээгүй байж магадгүй — цаасаа шалгана уу',
      en: 'Receipt #42 may not have printed — check the paper',
    },
  ];

  it.each(CASES)('$status.state (paper low: $status.paperLow) in mn and en', ({ status, role, mn, en }) => {
    installFakeKassa({});
    for (const [locale, words] of [
      ['mn', mn],
      ['en', en],
    ] as const) {
      render(locale);
      show(status);
      const shown = banner();
      expect(shown?.getAttribute('role')).toBe(role);
      expect(shown?.textContent).toContain(words);
    }
  });

  it('Reprint prints the unconfirmed sale’s receipt again, and the banner follows the answer', async () => {
    const { calls } = installFakeKassa({
      'printer:print-receipt': () => ({ ok: true, value: { ...READY, state: 'printing' } }),
    });
    render('en');
    show({ ...READY, unconfirmed: { id: 'j3', label: 'receipt #42', saleId: 'S42' } });
    const reprint = container.querySelector<HTMLButtonElement>('[data-testid="printer-reprint"]');
    expect(reprint?.textContent).toBe('Reprint');
    await act(async () => {
      reprint?.click();
      await Promise.resolve();
    });
    expect(calls).toEqual([{ channel: 'printer:print-receipt', input: { saleId: 'S42' } }]);
    expect(banner()?.getAttribute('data-state')).toBe('printing');
    expect(container.querySelector('[data-testid="printer-reprint"]')).toBeNull();
  });

  it('a document that is not a sale’s receipt has no Reprint', () => {
    installFakeKassa({});
    render('mn');
    show({ ...READY, unconfirmed: { id: 'j4', label: 'X report', saleId: null } });
    expect(banner()?.textContent).toContain('X report хэвлэгдээгүй');
    expect(container.querySelector('[data-testid="printer-reprint"]')).toBeNull();
  });

  it('a refused print is worded from its code and reason, in Mongolian', async () => {
    installFakeKassa({
      'printer:print-receipt': () => ({
        ok: false,
        error: {
          code: 'device.unavailable',
          message: 'No printer is configured',
          params: { reason: 'not-configured' },
        },
      }),
    });
    render('mn');
    await act(async () => {
      await usePrinterStore.getState().printReceipt('S42');
    });
    const error = container.querySelector('[data-testid="printer-error"]');
    expect(banner()?.getAttribute('role')).toBe('alert');
    expect(error?.textContent).toContain('Принтер тохируулаагүй байна');
    expect(error?.textContent).not.toContain('No printer is configured');
  });
});
