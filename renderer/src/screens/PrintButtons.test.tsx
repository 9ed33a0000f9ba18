/**
 * Printing to the receipt printer: "Print receipt" on the paid sale and on a journal sale, "Print X report" on
 * the journal — only when a printer is set up (without one the receipt screen keeps the browser's print view).
 */
import { act, type ReactNode } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '../../../shared/channels/printer';
import type { SaleView } from '../../../shared/channels/sale';
import { computeSaleTotals } from '../../../shared/domain';
import { defaultSettings, type CashierLocale, type Settings } from '../../../shared/settings';
import { createCashierI18n } from '../i18n';
import { useJournalStore } from '../stores/journal';
import { usePrinterStore } from '../stores/printer';
import { useSettingsStore } from '../stores/settings';
import { installFakeKassa } from '../testing/fake-kassa';
import { JournalScreen } from './JournalScreen';
import { PaidBanner } from './PaidBanner';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const READY: PrinterStatus = { state: 'ready', label: 'x', waiting: [], paperLow: false, unconfirmed: null };
const base = { currency: 'MNT' as const, lines: [], discount: null };
const PAID: SaleView = {
  sale: {
    ...base,
    id: 'S7',
    number: 7,
    status: 'paid',
    totals: computeSaleTotals(base),
    createdAt: 0,
    updatedAt: 0,
  },
  payments: [],
  paid: 0,
  pending: 0,
  due: 0,
  available: 0,
  change: 0,
  refunded: 0,
  refund: 'none',
};

let container: HTMLDivElement;
let root: Root;
const byTestId = (id: string): HTMLElement | null => container.querySelector(`[data-testid="${id}"]`);

function withPrinter(kind: 'none' | 'tcp'): Settings {
  const settings = defaultSettings();
  return {
    ...settings,
    printer: {
      ...settings.printer,
      connection: kind === 'none' ? { kind } : { kind, host: '192.168.1.50', port: 9100 },
    },
  };
}

async function render(node: ReactNode, locale: CashierLocale = 'en'): Promise<void> {
  await act(async () => {
    root.render(<I18nextProvider i18n={createCashierI18n(locale)}>{node}</I18nextProvider>);
    await Promise.resolve();
  });
}

async function click(id: string): Promise<void> {
  await act(async () => {
    byTestId(id)?.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
  usePrinterStore.setState({ status: null, busy: false, lastSent: null, lastError: null });
});
afterEach(() => {
  unmountTestRoot(root, container);
});

describe('printing to the receipt printer', () => {
  it('no printer set up: the paid sale has no Print receipt (the browser print view stays)', async () => {
    installFakeKassa({});
    const settings = withPrinter('none');
    useSettingsStore.setState({ saved: settings, draft: settings });
    await render(<PaidBanner view={PAID} />);
    expect(byTestId('sale-paid')).not.toBeNull();
    expect(byTestId('print-receipt')).toBeNull();
  });

  it('Print receipt on the paid sale sends its id to printer:print-receipt (mn)', async () => {
    const { calls } = installFakeKassa({ 'printer:print-receipt': () => ({ ok: true, value: READY }) });
    const settings = withPrinter('tcp');
    useSettingsStore.setState({ saved: settings, draft: settings });
    await render(<PaidBanner view={PAID} />, 'mn');
    expect(byTestId('print-receipt')?.textContent).toBe('Баримт хэвлэх');
    await click('print-receipt');
    expect(calls).toEqual([{ channel: 'printer:print-receipt', input: { saleId: 'S7' } }]);
    expect(byTestId('print-receipt-sent')?.textContent).toBe('Принтер рүү илгээлээ.');
  });

  it('the journal prints a sale’s receipt and today’s X report', async () => {
    const { calls } = installFakeKassa({
      'journal:list': () => ({ ok: true, value: [] }),
      'payment:methods': () => ({ ok: true, value: [] }),
      'printer:print-receipt': () => ({ ok: true, value: READY }),
      'printer:print-report': () => ({ ok: true, value: READY }),
    });
    const settings = withPrinter('tcp');
    useSettingsStore.setState({ saved: settings, draft: settings });
    useJournalStore.setState({
      selected: PAID,
      sales: [],
      methods: [],
      day: null,
      lastError: null,
      busy: false,
    });
    await render(<JournalScreen />);
    expect(byTestId('journal-print-report')?.textContent).toBe('Print X report');
    expect(byTestId('journal-print-receipt')?.textContent).toBe('Print receipt');
    await click('journal-print-receipt');
    await click('journal-print-report');
    expect(calls.filter((c) => c.channel.startsWith('printer:'))).toEqual([
      { channel: 'printer:print-receipt', input: { saleId: 'S7' } },
      { channel: 'printer:print-report', input: {} },
    ]);
  });

  it('the journal offers no printer buttons without a printer', async () => {
    installFakeKassa({
      'journal:list': () => ({ ok: true, value: [] }),
      'payment:methods': () => ({ ok: true, value: [] }),
    });
    const settings = withPrinter('none');
    useSettingsStore.setState({ saved: settings, draft: settings });
    useJournalStore.setState({
      selected: PAID,
      sales: [],
      methods: [],
      day: null,
      lastError: null,
      busy: false,
    });
    await render(<JournalScreen />);
    expect(byTestId('journal-detail')).not.toBeNull();
    expect(byTestId('journal-print-report')).toBeNull();
    expect(byTestId('journal-print-receipt')).toBeNull();
  });
});
