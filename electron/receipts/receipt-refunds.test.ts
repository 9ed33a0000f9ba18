/**
 * Refunds return or correct the tax receipt (issue 11, finding 6), against the PosAPI simulator: a full
 * refund deletes the receipt (DELETE /rest/receipt with its id and date), a partial one replaces it with a
 * corrected receipt for what was kept (`inactiveId` = the old receipt, every line in proportion).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BOOK, DRINK, receiptRig, type ReceiptRig } from '../testing/receipt-rig';

let rig: ReceiptRig;
beforeEach(async () => {
  rig = await receiptRig();
});
afterEach(async () => {
  await rig.close();
});

async function issued(saleId: string): Promise<void> {
  await rig.service.issue(saleId);
  expect(rig.service.get(saleId).state).toBe('issued');
}

describe('refunds and the receipt', () => {
  it('a full refund returns the receipt at PosAPI; its QR is not shown again', async () => {
    rig.paidSale('S1', 1, [DRINK, BOOK]);
    await issued('S1');
    const [receipt] = rig.sims.posApi.receipts;
    expect(rig.service.receiptQr('S1')).toBe(receipt?.qrData);
    const refunded = rig.refund('S1', 7_501);
    await rig.service.issue(refunded.id);
    expect(rig.sims.posApi.receipts).toHaveLength(1);
    expect(receipt?.deleted).toBe(true);
    expect(rig.sims.posApi.requests.at(-1)?.body).toEqual({ id: receipt?.id, date: receipt?.date });
    expect(rig.service.get('S1')).toMatchObject({
      state: 'returned',
      receiptId: receipt?.id,
      printable: null,
    });
    expect(rig.service.receiptQr('S1')).toBeUndefined();
    // Asking again does nothing more.
    await rig.service.issue('S1');
    expect(rig.sims.posApi.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  it('a partial refund issues a corrected receipt for what was kept, replacing the old one (inactiveId)', async () => {
    const sale = rig.paidSale('S1', 1, [DRINK, BOOK]);
    await issued('S1');
    const [old] = rig.sims.posApi.receipts;
    rig.refund('S1', 1_501);
    const view = await rig.service.issue('S1');
    const corrected = rig.sims.posApi.receipts[1];
    expect(rig.sims.posApi.receipts).toHaveLength(2);
    expect(old?.replacedBy).toBe(corrected?.id);
    expect(corrected).toMatchObject({
      inactiveId: old?.id,
      totalAmount: sale.totals.total - 1_501,
      deleted: false,
    });
    expect(corrected?.billIdSuffix).toBe('00000101');
    expect(view).toMatchObject({ state: 'issued', receiptId: corrected?.id, correctsReceiptId: old?.id });
    // The lines keep their goods and quantities; their totals are brought down in proportion (6000 : 1501 of 7501).
    const request = rig.sims.posApi.requests.filter((r) => r.method === 'POST').at(-1)?.body as {
      receipts: { items: { name: string; qty: number; totalAmount: number }[] }[];
      payments: { code: string; paidAmount: number }[];
    };
    const items = request.receipts.flatMap((r) => r.items);
    expect(items.map((i) => [i.name, i.qty])).toEqual([
      ['Ундаа', 1],
      ['Ном', 1],
    ]);
    expect(items.reduce((a, i) => a + i.totalAmount, 0)).toBe(6_000);
    expect(request.payments).toEqual([expect.objectContaining({ code: 'PAYMENT_CARD', paidAmount: 6_000 })]);

    // The rest refunded later: the corrected receipt is returned.
    rig.refund('S1', 6_000);
    expect(await rig.service.issue('S1')).toMatchObject({ state: 'returned', receiptId: corrected?.id });
    expect(corrected?.deleted).toBe(true);
  });

  it('a correction whose answer was lost is unconfirmed and keeps the receipt it replaces', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    await issued('S1');
    const [old] = rig.sims.posApi.receipts;
    rig.refund('S1', 500);
    rig.sims.posApi.failNext('lost-answer');
    expect(await rig.service.issue('S1')).toMatchObject({ state: 'unconfirmed', correctsReceiptId: old?.id });
    expect(rig.sales.get('S1')?.receipt).toMatchObject({ status: 'unconfirmed', corrects: { id: old?.id } });
    // Resent the same day: PosAPI refuses the used suffix, so nothing is issued twice.
    expect((await rig.service.issue('S1')).state).toBe('unconfirmed');
    expect(rig.sims.posApi.receipts).toHaveLength(2);
  });

  it('a refund made while the receipt was still being issued is taken into account when it lands', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    rig.sims.posApi.setLatency(300);
    const issuing = rig.service.issue('S1');
    await expect.poll(() => rig.sims.posApi.requests.length).toBe(1);
    rig.refund('S1', 4_500);
    rig.service.onSaleChanged(rig.sales.get('S1') ?? rig.paidSale('S1', 1, [DRINK]));
    await issuing;
    rig.sims.posApi.setLatency(0);
    expect(rig.service.get('S1').state).toBe('returned');
  });
});
