/**
 * Scans carried out by a whole till (the Node host's core, sandbox profile): HID scans through the sandbox
 * scanner (sandbox:scan → HID POS reports → device manager → scan router), wedge scans and typed codes through
 * scan:submit, each carried out with the real sale and approval services.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalViewModel } from '../../shared/channels/approval';
import type { SaleView } from '../../shared/channels/sale';
import { scanEvents, type ScanOutcome } from '../../shared/channels/scan';
import type { Payment } from '../../shared/domain';
import type { Settings } from '../../shared/settings';
import { closeTills, openTestTill, until, value, type TestTill } from '../testing/till';

const MILK = '8650001000015';
const BREAD = '8650001000022';
const APPLES_KG = 6_500;
const SANDBOX_SCANNER_ID = '1209:0001:8c';
const QR = '2'.repeat(40) + '1234567890'.repeat(12);

afterEach(closeTills);

interface Rig {
  till: TestTill;
  outcomes: ScanOutcome[];
  invoke(channel: string, input: unknown): Promise<unknown>;
  /** The sale as main has it now. */
  sale(): Promise<SaleView | null>;
  /** Scan with the sandbox HID scanner; resolves once the scan's outcome is published. */
  hidScan(text: string): Promise<ScanOutcome>;
  wedgeScan(text: string, quantity?: number): Promise<ScanOutcome>;
  setScreen(screen: string, extra?: { dialog?: boolean; quantity?: number | null }): Promise<void>;
}

async function rig(): Promise<Rig> {
  const till = openTestTill();
  const outcomes: ScanOutcome[] = [];
  till.kassa.on('scan:outcome', (outcome) => {
    outcomes.push(scanEvents['scan:outcome'].schema.parse(outcome));
  });
  const invoke = async (channel: string, input: unknown): Promise<unknown> =>
    value(await till.kassa.invoke('cashier', channel, input));
  await invoke('devices:select', { id: SANDBOX_SCANNER_ID });
  return {
    till,
    outcomes,
    invoke,
    sale: async () => (await invoke('sale:current', {})) as SaleView | null,
    async hidScan(text) {
      const before = outcomes.length;
      expect(await invoke('sandbox:scan', { text })).toMatchObject({ delivered: true });
      const seen = await until(
        () => Promise.resolve(outcomes.length),
        (n) => n > before,
      );
      expect(seen).toBeGreaterThan(before);
      return outcomes[before] as ScanOutcome;
    },
    wedgeScan: async (text, quantity) =>
      (await invoke('scan:submit', {
        text,
        source: 'wedge',
        ...(quantity === undefined ? {} : { quantity }),
      })) as ScanOutcome,
    async setScreen(screen, extra = {}) {
      await invoke('scan:set-screen', {
        screen,
        dialog: extra.dialog ?? false,
        quantity: extra.quantity ?? null,
      });
    },
  };
}

async function withRule(r: Rig, rule: Settings['devices']['barcodes']['embedded'][number]): Promise<void> {
  const settings = (await r.invoke('settings:get', {})) as Settings;
  settings.devices.barcodes.embedded = [rule];
  // Barcode rules are a manager's setting: set as the operator.
  value(await r.till.kassa.invoke('operator', 'settings:set', { settings }));
}

describe('scans carried out by main', () => {
  it('a HID scan adds the product to a new sale; the same item again counts up its line', async () => {
    const r = await rig();
    expect(await r.sale()).toBeNull();
    const first = await r.hidScan(MILK);
    expect(first).toMatchObject({ source: 'hid', kind: 'ean13', result: 'line-added', navigate: 'sale' });
    const second = await r.hidScan(MILK);
    const view = await r.sale();
    expect(view?.sale.lines).toMatchObject([{ sku: 'MN-MILK-1L', quantity: 2 }]);
    // Both outcomes name the one line, so the page keeps it selected.
    expect(first.result === 'line-added' && second.result === 'line-added' && second.lineId).toBe(
      first.result === 'line-added' ? first.lineId : 'none',
    );
  });

  it('two quick HID scans keep their order', async () => {
    const r = await rig();
    await Promise.all([r.invoke('sandbox:scan', { text: BREAD }), r.invoke('sandbox:scan', { text: MILK })]);
    await until(
      () => Promise.resolve(r.outcomes.length),
      (n) => n >= 2,
    );
    expect(r.outcomes.map((o) => o.seq)).toEqual([1, 2]);
    expect((await r.sale())?.sale.lines.map((l) => l.sku)).toEqual(['MN-BREAD', 'MN-MILK-1L']);
  });

  it('a HID scan of a receipt QR opens approval holding it; nothing carries the qrData back', async () => {
    const r = await rig();
    const outcome = await r.hidScan(QR);
    expect(outcome).toMatchObject({
      kind: 'ebarimt-qr',
      result: 'approval',
      step: 'opened',
      navigate: 'approval',
    });
    const approval = (await r.invoke('approval:state', {})) as ApprovalViewModel;
    expect(approval).toMatchObject({ state: 'identifying', pendingQr: true, buyer: null });
    expect(JSON.stringify(r.outcomes)).not.toContain(QR.slice(0, 40));
    expect(r.till.lines.join('\n')).not.toContain(QR.slice(0, 40));
  });

  it('scale labels: the weight or the price from the label', async () => {
    const r = await rig();
    // Without a rule for its prefix, a product sold by weight needs its label (or a typed weight).
    expect(await r.wedgeScan('2000001000007')).toMatchObject({
      result: 'refused',
      error: { code: 'sold-by-weight', product: 'Алим (кг)' },
    });
    await withRule(r, { prefix: '20', kind: 'weight', itemCodeDigits: 5, valueDigits: 5 });
    expect(await r.wedgeScan('2000001000007')).toMatchObject({
      error: { code: 'label-without-value', barcode: '2000001000007' },
    });
    // Apples, 1.234 kg (item 00001, value 01234).
    expect(await r.wedgeScan('2000001012345')).toMatchObject({ kind: 'weight', result: 'line-added' });
    let view = await r.sale();
    expect(view?.sale.lines).toMatchObject([{ sku: 'MN-APPLE-KG', measure: 'weight', quantity: 1234 }]);
    expect(view?.sale.totals.lines[0]?.gross).toBe(Math.round((APPLES_KG * 1234) / 1000));

    // The same label read as a price label: 12.34 … 1 234 ₮ at the label's price, never merged.
    await withRule(r, { prefix: '20', kind: 'price', itemCodeDigits: 5, valueDigits: 5 });
    await r.wedgeScan('2000001012345');
    await r.wedgeScan('2000001012345');
    view = await r.sale();
    expect(view?.sale.lines.slice(1)).toMatchObject([
      { sku: 'MN-APPLE-KG', measure: 'each', quantity: 1, unitPrice: { amount: 1234 } },
      { sku: 'MN-APPLE-KG', measure: 'each', quantity: 1, unitPrice: { amount: 1234 } },
    ]);
  });

  it('3* then a scan counts three; a typed SKU works like a scan', async () => {
    const r = await rig();
    expect(await r.wedgeScan(BREAD, 3)).toMatchObject({ multiplier: 3 });
    expect(await r.invoke('scan:submit', { text: ' mn-milk-1l ', source: 'keyboard' })).toMatchObject({
      result: 'line-added',
      multiplier: null,
    });
    // A HID scan uses the N* the page reported, once.
    await r.setScreen('sale', { quantity: 2 });
    await r.hidScan(BREAD);
    await r.hidScan(BREAD);
    expect((await r.sale())?.sale.lines).toMatchObject([
      { sku: 'MN-BREAD', quantity: 6 },
      { sku: 'MN-MILK-1L', quantity: 1 },
    ]);
  });

  it('an unknown code changes nothing and says what it was', async () => {
    const r = await rig();
    await r.wedgeScan(MILK);
    const before = await r.sale();
    expect(await r.wedgeScan('4006381333931')).toMatchObject({
      result: 'refused',
      error: { code: 'product-not-found', barcode: '4006381333931' },
      navigate: null,
    });
    expect(await r.wedgeScan('ABC-123-XYZ')).toMatchObject({
      error: { code: 'unknown-code', text: 'ABC-123-XYZ' },
    });
    expect(await r.sale()).toEqual(before);
  });

  it('a product scan while a payment waits is refused; once paid, the next scan starts a new sale', async () => {
    const r = await rig();
    await r.wedgeScan(MILK);
    const saleId = (await r.sale())?.sale.id ?? '';
    await r.setScreen('payment');
    const waiting = (await r.invoke('payment:start', { saleId, method: 'socialpay.qr' })) as Payment;
    expect(waiting.state).toBe('awaiting_customer');
    expect(await r.hidScan(BREAD)).toMatchObject({
      result: 'refused',
      error: { code: 'payment-in-progress' },
    });
    expect((await r.sale())?.sale.lines).toHaveLength(1);
    // A receipt QR mid-payment does not take the cashier away either.
    expect(await r.hidScan(QR)).toMatchObject({ error: { code: 'receipt-during-payment' } });

    await r.invoke('sandbox:customer-pay', { paymentId: waiting.id });
    expect((await r.sale())?.sale.status).toBe('paid');
    await r.setScreen('receipt');
    const next = await r.hidScan(BREAD);
    expect(next).toMatchObject({ result: 'line-added', navigate: 'sale' });
    const view = await r.sale();
    expect(view?.sale.id).not.toBe(saleId);
    expect(view?.sale.lines).toMatchObject([{ sku: 'MN-BREAD', quantity: 1 }]);
  });

  it('on the approval screen a scanned 8-digit code identifies the buyer and a QR is their receipt', async () => {
    const r = await rig();
    await r.setScreen('approval');
    await r.invoke('approval:start', {});
    expect(await r.hidScan('10038071')).toMatchObject({ kind: 'customer-no', step: 'identify' });
    const found = await until(
      async () => (await r.invoke('approval:state', {})) as ApprovalViewModel,
      (v) => v.state === 'confirm',
    );
    expect(found.buyer).toMatchObject({ identifiedBy: 'customer-no', customerNoMasked: '10****71' });
    await r.invoke('approval:confirm', {});
    // A receipt PosAPI never issued: eBarimt answers "invalid", and the scan itself was taken.
    expect(await r.hidScan('9'.repeat(120))).toMatchObject({ step: 'receipt' });
    const answered = await until(
      async () => (await r.invoke('approval:state', {})) as ApprovalViewModel,
      (v) => v.state === 'result',
    );
    expect(answered.lastResult?.outcome).toBe('invalidQr');
  });

  it('a receipt QR scanned on another screen starts approval over: the last buyer never gets it', async () => {
    const r = await rig();
    await r.setScreen('approval');
    await r.hidScan('10038071');
    await until(
      async () => (await r.invoke('approval:state', {})) as ApprovalViewModel,
      (v) => v.state === 'confirm',
    );
    await r.invoke('approval:confirm', {});
    await r.setScreen('sale');
    await r.hidScan(QR);
    expect(await r.invoke('approval:state', {})).toMatchObject({
      state: 'identifying',
      buyer: null,
      pendingQr: true,
    });
  });

  it('an open dialog, the journal and settings take no products', async () => {
    const r = await rig();
    await r.setScreen('sale', { dialog: true });
    expect(await r.hidScan(MILK)).toMatchObject({ error: { code: 'dialog-open' } });
    await r.setScreen('journal');
    expect(await r.hidScan(MILK)).toMatchObject({ error: { code: 'not-on-this-screen' } });
    await r.setScreen('settings');
    expect(await r.hidScan(MILK)).toMatchObject({
      error: { code: 'scanner-test', kind: 'ean13', length: 13 },
    });
    expect(await r.sale()).toBeNull();
  });

  it('the sandbox scanner exists only in the sandbox profile', async () => {
    const r = await rig();
    const settings = (await r.invoke('settings:get', {})) as Settings;
    // The profile changes only through profile:switch, after its checks; the test sets the file directly.
    r.till.settings.set({ ...settings, profile: 'staging' });
    expect(await r.till.kassa.invoke('cashier', 'sandbox:scan', { text: MILK })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const view = (await r.invoke('devices:rescan', {})) as { devices: { id: string; present: boolean }[] };
    expect(view.devices.find((d) => d.id === SANDBOX_SCANNER_ID)?.present).toBe(false);
  });
});
