/**
 * Finding 9 of issue 11: the customer display shows a sale's eBarimt receipt QR only right after that receipt
 * is issued. A refund (of that sale, or of an older one while the next customer is at the till) never brings the
 * QR back, and a new sale leaves it (docs/architecture.md, "Customer display").
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { DisplayViewModel } from '../../shared/channels/display';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { SaleView } from '../../shared/channels/sale';
import type { Payment } from '../../shared/domain';
import { closeTills, openTestTill, until, value, type TestTill } from '../testing/till';

afterEach(closeTills);

async function paidWithReceipt(till: TestTill): Promise<{ sale: SaleView; payment: Payment }> {
  const { kassa } = till;
  value(await kassa.invoke('cashier', 'sale:new', {}));
  const sale = value<SaleView>(
    await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }),
  );
  const payment = value<Payment>(
    await kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'socialpay.qr' }),
  );
  value(await kassa.invoke('cashier', 'sandbox:customer-pay', { paymentId: payment.id }));
  const receipt = await until(
    async () => value<ReceiptView>(await kassa.invoke('cashier', 'receipt:get', { saleId: sale.sale.id })),
    (r) => r.state === 'issued',
  );
  expect(receipt.state).toBe('issued');
  return { sale, payment };
}

async function shown(till: TestTill): Promise<DisplayViewModel> {
  return value<DisplayViewModel>(await till.kassa.invoke('display', 'display:ready', {}));
}

function receiptQrOf(model: DisplayViewModel): string | undefined {
  return model.state === 'thank-you' ? model.receiptQr : undefined;
}

describe('customer display and the receipt QR after a refund', () => {
  it('a refund of the last customer’s sale never replaces the next customer’s screen', async () => {
    const till = openTestTill();
    const { payment } = await paidWithReceipt(till);
    const thanks = await until(
      () => shown(till),
      (d) => receiptQrOf(d) !== undefined,
    );
    expect(receiptQrOf(thanks)).toBeTruthy();

    // The next customer: a new sale with a line on the display.
    value(await till.kassa.invoke('cashier', 'sale:new', {}));
    value(await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000022' }));
    expect((await shown(till)).state).toBe('cart');

    const pushed: DisplayViewModel[] = [];
    till.kassa.on('display:update', (vm) => pushed.push(vm));
    const refund = await till.kassa.invoke('operator', 'payment:refund', { paymentId: payment.id });
    expect(refund.ok).toBe(true);

    expect((await shown(till)).state).toBe('cart');
    expect(pushed.every((d) => d.state === 'cart')).toBe(true);
  });

  it('a refund of the sale still on the display takes its receipt QR away', async () => {
    const till = openTestTill();
    const { payment } = await paidWithReceipt(till);
    await until(
      () => shown(till),
      (d) => receiptQrOf(d) !== undefined,
    );
    const refund = await till.kassa.invoke('operator', 'payment:refund', { paymentId: payment.id });
    expect(refund.ok).toBe(true);
    const after = await shown(till);
    expect(receiptQrOf(after)).toBeUndefined();

    // And the next sale starts from the welcome screen, without the QR.
    value(await till.kassa.invoke('cashier', 'sale:new', {}));
    expect((await shown(till)).state).toBe('welcome');
  });
});
