/**
 * Settings → Printer: each connection kind shows its own fields (USB and system printers chosen from
 * printer:list), Test print sends the connection and profile on screen before anything is saved, Open drawer
 * needs a reason, and the host's validation message shows under its field.
 */
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterList, PrinterStatus } from '../../../shared/channels/printer';
import { defaultSettings, type CashierLocale } from '../../../shared/settings';
import { createCashierI18n } from '../i18n';
import { usePrinterSetupStore } from '../stores/printer-setup';
import { useSettingsStore } from '../stores/settings';
import { chooseOption } from '../testing/choose-option';
import { installFakeKassa, type FakeHandlers } from '../testing/fake-kassa';
import { typeInto } from '../testing/type-into';
import { PrinterPanel } from './PrinterPanel';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const LIST: PrinterList = {
  usb: {
    available: true,
    printers: [{ vendorId: 0x0416, productId: 0x5011, serialNumber: null, name: 'POS-80' }],
  },
  serial: [{ path: '/dev/ttyUSB0', name: 'USB serial' }],
  system: [
    { name: 'Office laser', isDefault: false },
    { name: 'XP-80C', isDefault: true },
  ],
};
const READY: PrinterStatus = { state: 'ready', label: 'x', waiting: [], paperLow: false, unconfirmed: null };

let container: HTMLDivElement;
let root: Root;

function Panel() {
  const draft = useSettingsStore((s) => s.draft);
  return draft && <PrinterPanel draft={draft} />;
}

async function render(locale: CashierLocale, handlers: FakeHandlers = {}) {
  const fake = installFakeKassa({ 'printer:list': () => ({ ok: true, value: LIST }), ...handlers });
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createCashierI18n(locale)}>
        <Panel />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  return fake;
}

function byTestId(id: string): HTMLElement | null {
  return container.querySelector(`[data-testid="${id}"]`);
}

function inputOf(id: string): HTMLInputElement | null {
  return container.querySelector<HTMLInputElement>(`input[data-testid="${id}"]`);
}

function selectOf(id: string): HTMLSelectElement | null {
  return container.querySelector<HTMLSelectElement>(`select[data-testid="${id}"]`);
}

function labelOf(id: string): string | null | undefined {
  return container.querySelector(`label[for="${id}"]`)?.textContent;
}

function choose(id: string, value: string): void {
  act(() => {
    const select = selectOf(id);
    if (select === null) {
      throw new Error(`no select ${id}`);
    }
    chooseOption(select, value);
  });
}

function type(id: string, text: string): void {
  act(() => {
    const input = inputOf(id);
    if (input === null) {
      throw new Error(`no input ${id}`);
    }
    typeInto(input, text);
  });
}

async function click(id: string): Promise<void> {
  await act(async () => {
    byTestId(id)?.click();
    await Promise.resolve();
  });
}

const CONNECTION_FIELDS = [
  'printer-host',
  'printer-port',
  'printer-serial-path',
  'printer-baud',
  'printer-usb',
  'printer-system',
];

function shownFields(): string[] {
  return CONNECTION_FIELDS.filter((id) => byTestId(id) !== null);
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
  const settings = defaultSettings();
  useSettingsStore.setState({ saved: settings, draft: settings, fieldErrors: {}, clearedSecrets: [] });
  usePrinterSetupStore.setState({ list: null, testResult: null, drawerResult: null, lastError: null });
});
afterEach(() => {
  unmountTestRoot(root, container);
});

describe('Settings → Printer', () => {
  it('each connection kind shows its own fields, by label', async () => {
    const { calls } = await render('en');
    expect(calls.map((c) => c.channel)).toContain('printer:list');
    expect(labelOf('printer-kind')).toBe('Connection');
    expect(shownFields()).toEqual([]);
    expect(byTestId('printer-paper')).toBeNull();

    choose('printer-kind', 'tcp');
    expect(shownFields()).toEqual(['printer-host', 'printer-port']);
    expect(labelOf('printer-host')).toBe('IP address');
    expect(inputOf('printer-port')?.value).toBe('9100');
    expect(labelOf('printer-paper')).toBe('Paper width');

    choose('printer-kind', 'serial');
    expect(shownFields()).toEqual(['printer-serial-path', 'printer-baud']);
    expect(inputOf('printer-serial-path')?.value).toBe('/dev/ttyUSB0');

    choose('printer-kind', 'usb');
    expect(shownFields()).toEqual(['printer-usb']);
    expect(useSettingsStore.getState().draft?.printer.connection).toEqual({
      kind: 'usb',
      vendorId: 0x0416,
      productId: 0x5011,
    });
    expect(byTestId('printer-usb')?.textContent).toContain('POS-80 (USB 0416:5011)');

    choose('printer-kind', 'system');
    expect(shownFields()).toEqual(['printer-system']);
    expect(selectOf('printer-system')?.value).toBe('XP-80C');

    choose('printer-kind', 'none');
    expect(shownFields()).toEqual([]);
    expect(useSettingsStore.getState().draft?.printer.connection).toEqual({ kind: 'none' });
  });

  it('Test print sends the connection and profile on screen, unsaved, and says what happened', async () => {
    const { calls } = await render('en', {
      'printer:test': () => ({ ok: true, value: { state: 'paper-out', printed: false } }),
    });
    choose('printer-kind', 'tcp');
    type('printer-host', '10.0.0.5');
    type('printer-port', '9101');
    choose('printer-paper', '58');
    expect(byTestId('printer-test')?.textContent).toBe('Test print');
    await click('printer-test');
    expect(calls.filter((c) => c.channel === 'printer:test')).toEqual([
      {
        channel: 'printer:test',
        input: {
          connection: { kind: 'tcp', host: '10.0.0.5', port: 9101 },
          profile: { paperWidth: 58, codePage: 'cp866', georgian: 'raster' },
        },
      },
    ]);
    expect(calls.some((c) => c.channel === 'settings:set')).toBe(false);
    expect(byTestId('printer-test-result')?.textContent).toBe('The test page was not printed: Out of paper.');
  });

  it('Open drawer needs a reason, and sends the one typed', async () => {
    const { calls } = await render('mn', {
      'printer:open-drawer': () => ({ ok: true, value: READY }),
    });
    expect(byTestId('printer-open-drawer')?.textContent).toBe('Мөнгөний хайрцаг нээх');
    await click('printer-open-drawer');
    expect(calls.some((c) => c.channel === 'printer:open-drawer')).toBe(false);
    expect(byTestId('field-error-printer-drawer-reason')?.textContent).toBe(
      'Хайрцгийг яагаад нээж байгаагаа бичнэ үү.',
    );
    type('printer-drawer-reason', '  Change for the float  ');
    expect(byTestId('field-error-printer-drawer-reason')).toBeNull();
    await click('printer-open-drawer');
    expect(calls.filter((c) => c.channel === 'printer:open-drawer')).toEqual([
      { channel: 'printer:open-drawer', input: { reason: 'Change for the float' } },
    ]);
    expect(byTestId('printer-drawer-result')?.getAttribute('data-state')).toBe('ready');
  });

  it('a refused drawer is worded from its reason, and the host’s field errors show by field', async () => {
    await render('en', {
      'printer:open-drawer': () => ({
        ok: false,
        error: { code: 'device.unavailable', message: 'no drawer port', params: { reason: 'no-drawer' } },
      }),
    });
    choose('printer-kind', 'tcp');
    act(() => {
      useSettingsStore.setState({
        fieldErrors: { 'printer.connection.host': 'the printer’s IP address or host name' },
      });
    });
    expect(byTestId('field-error-printer-host')?.textContent).toBe('the printer’s IP address or host name');
    type('printer-drawer-reason', 'count');
    await click('printer-open-drawer');
    expect(byTestId('printer-panel-error')?.textContent).toBe('This printer has no cash drawer port.');
  });
});
