/**
 * The whole checkout through the core, as the screens drive it: a 3-line MN sale, SocialPay QR, the sandbox
 * customer pays, the eBarimt receipt is issued with the sale's totals, the display thanks the customer with the
 * receipt QR — and qrData/lottery never reach the data dir or the log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { DisplayViewModel } from '../../shared/channels/display';
import type { Payment } from '../../shared/domain';
import { readAllFiles } from '../kernel/testing/temp-dir';
import { closeTills, openTestTill, until, value } from '../testing/till';

afterEach(closeTills);

describe('checkout through the core (sandbox, MN)', () => {
  it('sale → SocialPay QR → paid → eBarimt receipt with the sale totals; qrData kept out of disk and logs', async () => {
    const node = openTestTill();
    const { lines } = node;
    const { kassa } = node;
    const displays: DisplayViewModel[] = [];
    kassa.on('display:update', (vm) => displays.push(vm));

    let sale = value<SaleView>(await kassa.invoke('cashier', 'sale:new', {}));
    for (const code of ['8650001000015', '8650001000022', '8650001000039']) {
      sale = value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code }));
    }
    expect(sale.sale.lines).toHaveLength(3);
    expect(displays.at(-1)?.state).toBe('cart');

    const payment = value<Payment>(
      await kassa.invoke('cashier', 'payment:start', { saleId: sale.sale.id, method: 'socialpay.qr' }),
    );
    expect(payment.state).toBe('awaiting_customer');
    expect(payment.qr).toBeTruthy();
    const pay = displays.at(-1);
    expect(pay?.state).toBe('pay');
    expect(pay && pay.state === 'pay' ? pay.qr : undefined).toBe(payment.qr);

    value(await kassa.invoke('cashier', 'sandbox:customer-pay', { paymentId: payment.id }));
    const receipt = await until(
      async () => value<ReceiptView>(await kassa.invoke('cashier', 'receipt:get', { saleId: sale.sale.id })),
      (r) => r.state === 'issued',
    );
    expect(receipt.state).toBe('issued');
    expect(receipt.printable?.lottery).toBeTruthy();

    const sims = await node.simulators();
    const issued = sims.ebarimt.posApi.receipts;
    expect(issued).toHaveLength(1);
    expect(issued[0]?.totalAmount).toBe(sale.sale.totals.total);
    expect(issued[0]?.totalVAT).toBe(sale.sale.totals.vat);
    expect(issued[0]?.totalCityTax).toBe(sale.sale.totals.cityTax);
    expect(receipt.receiptId).toBe(issued[0]?.id);
    expect(receipt.printable?.qrData).toBe(issued[0]?.qrData);

    const thanks = await until(
      () => Promise.resolve(displays.at(-1)),
      (d) => d?.state === 'thank-you',
    );
    expect(thanks && thanks.state === 'thank-you' ? thanks.receiptQr : undefined).toBe(issued[0]?.qrData);

    // Asking again never issues a second receipt.
    value(await kassa.invoke('cashier', 'receipt:issue', { saleId: sale.sale.id }));
    expect(sims.ebarimt.posApi.receipts).toHaveLength(1);

    const qrData = issued[0]?.qrData ?? 'missing';
    const lottery = issued[0]?.lottery ?? 'missing';
    const disk = readAllFiles(node.dataDir).join('\n');
    expect(disk).not.toContain(qrData);
    expect(disk).not.toContain(lottery);
    expect(lines.join('\n')).not.toContain(qrData);
    expect(lines.join('\n')).not.toContain(lottery);
  });

  it.each([
    {
      country: 'GE' as const,
      method: 'bog.qr' as const,
      codes: ['4860002000011', '4860002000028', '4860002000035'],
    },
    {
      country: 'UZ' as const,
      method: 'baas.microloan' as const,
      codes: ['4780003000011', '4780003000028', '4780003000035'],
    },
  ])('$country: a 3-line sale paid by $method through the sandbox', async ({ country, method, codes }) => {
    const node = openTestTill();
    const { kassa } = node;
    value(await kassa.invoke('operator', 'settings:set', { settings: { ...node.settings.get(), country } }));
    let sale = value<SaleView>(await kassa.invoke('cashier', 'sale:new', {}));
    for (const code of codes) {
      sale = value<SaleView>(await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code }));
    }
    expect(sale.sale.currency).toBe(country === 'GE' ? 'GEL' : 'UZS');
    const payment = value<Payment>(
      await kassa.invoke('cashier', 'payment:start', {
        saleId: sale.sale.id,
        method,
        ...(method === 'baas.microloan' ? { phone: '901234567' } : {}),
      }),
    );
    expect(payment.state).toBe('awaiting_customer');
    if (method === 'bog.qr') {
      expect(payment.qr).toMatch(/^http/);
    }
    value(await kassa.invoke('cashier', 'sandbox:customer-pay', { paymentId: payment.id }));
    const done = await until(
      async () => value<SaleView | null>(await kassa.invoke('cashier', 'sale:current', {})),
      (v) => v?.sale.status === 'paid',
    );
    expect(done?.sale.status).toBe('paid');
    const receipt = value<ReceiptView>(
      await kassa.invoke('cashier', 'receipt:get', { saleId: sale.sale.id }),
    );
    expect(receipt.state).toBe('not-needed');
  });

  it('B2B: a receipt issued to an organisation has no lottery and Easy Register refuses to approve it', async () => {
    const node = openTestTill();
    const { kassa } = node;
    value(await kassa.invoke('cashier', 'sale:new', {}));
    const sale = value<SaleView>(
      await kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }),
    );
    const bad = await kassa.invoke('cashier', 'receipt:set-organization', {
      saleId: sale.sale.id,
      tin: '12ab',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
    const org = value<ReceiptView>(
      await kassa.invoke('cashier', 'receipt:set-organization', { saleId: sale.sale.id, tin: '5012345' }),
    );
    expect(org.organizationTin).toBe('37900012345');
    value(
      await kassa.invoke('cashier', 'payment:start', {
        saleId: sale.sale.id,
        method: 'cash',
        tendered: sale.sale.totals.total,
      }),
    );
    const receipt = await until(
      async () => value<ReceiptView>(await kassa.invoke('cashier', 'receipt:get', { saleId: sale.sale.id })),
      (r) => r.state === 'issued' || r.state === 'failed',
    );
    expect(receipt.state).toBe('issued');
    const sims = await node.simulators();
    const issued = sims.ebarimt.posApi.receipts.at(-1);
    expect(issued?.type).toBe('B2B_RECEIPT');
    expect(issued?.customerTin).toBe('37900012345');
    expect(receipt.printable?.lottery ?? '').toBe('');

    const qrData = receipt.printable?.qrData ?? '';
    value(await kassa.invoke('cashier', 'approval:start', { qrData }));
    value(await kassa.invoke('cashier', 'approval:identify', { query: 'УБ99112233' }));
    const result = value<{ lastResult: { outcome: string } | null }>(
      await kassa.invoke('cashier', 'approval:confirm', {}),
    );
    expect(result.lastResult?.outcome).toBe('b2bNotAccepted');
    expect(
      value<{ count: number }>(await kassa.invoke('cashier', 'sandbox:approvals', { qrData })).count,
    ).toBe(1);
  });
});
