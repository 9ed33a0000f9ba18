/**
 * Issue 11, findings 7–8 through the core: who a sale's eBarimt receipt is for. A register number typed with
 * Latin look-alike letters finds the citizen; a company's 7-digit register number becomes its TIN (ITC's public
 * lookup) and PosAPI receives a B2B receipt with the 11-digit customerTin; a phone lookup shows no e-mail as a
 * name; and the buyer can still be identified after payment while the receipt is not issued yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { SaleView } from '../../shared/channels/sale';
import { closeTills, openTestTill, until, value, type TestTill } from '../testing/till';

afterEach(closeTills);

async function openSale(till: TestTill): Promise<SaleView> {
  value(await till.kassa.invoke('cashier', 'sale:new', {}));
  return value<SaleView>(
    await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'catalog', code: '8650001000015' }),
  );
}

async function payCash(till: TestTill, sale: SaleView): Promise<void> {
  value(
    await till.kassa.invoke('cashier', 'payment:start', {
      saleId: sale.sale.id,
      method: 'cash',
      tendered: sale.sale.totals.total,
    }),
  );
}

const receiptOf = async (till: TestTill, saleId: string): Promise<ReceiptView> =>
  value<ReceiptView>(await till.kassa.invoke('cashier', 'receipt:get', { saleId }));

describe('a sale buyer (receipt:identify-buyer)', () => {
  it("a company's 7-digit register number → its TIN and name; PosAPI gets B2B_RECEIPT with the 11-digit customerTin", async () => {
    const till = openTestTill();
    const sale = await openSale(till);
    const org = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: sale.sale.id,
        query: '5012345',
      }),
    );
    expect(org).toMatchObject({
      organizationTin: '37900012345',
      buyerName: 'Жишээ Трейд ХХК',
      buyerMasked: null,
    });
    await payCash(till, sale);
    const receipt = await until(
      () => receiptOf(till, sale.sale.id),
      (r) => r.state === 'issued' || r.state === 'failed',
    );
    expect(receipt.state).toBe('issued');
    const issued = (await till.simulators()).ebarimt.posApi.receipts.at(-1);
    expect(issued).toMatchObject({ type: 'B2B_RECEIPT', customerTin: '37900012345', consumerNo: null });
  });

  it('a 14-digit TIN is taken as it is (name from getInfo); an unknown company is not_found with its reason', async () => {
    const till = openTestTill();
    const sale = await openSale(till);
    const org = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:set-organization', {
        saleId: sale.sale.id,
        tin: '10012345678901',
      }),
    );
    expect(org).toMatchObject({ organizationTin: '10012345678901', buyerName: 'Хан-Уул Сервис ХХК' });
    const unknown = await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
      saleId: sale.sale.id,
      query: '1111111',
    });
    expect(unknown).toMatchObject({
      ok: false,
      error: { code: 'not_found', params: { reason: 'company-not-found' } },
    });
  });

  it("ITC's test citizen typed in Latin letters (AA12345678) is found and goes on the receipt as consumerNo", async () => {
    const till = openTestTill();
    const sale = await openSale(till);
    const found = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: sale.sale.id,
        query: 'AA12345678',
      }),
    );
    expect(found).toMatchObject({ buyerName: 'Иргэн Тест', buyerMasked: '11****01', organizationTin: null });
  });

  it('a phone lookup shows no name (never the masked e-mail): the screen words the masked code', async () => {
    const till = openTestTill();
    const sale = await openSale(till);
    const byPhone = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: sale.sale.id,
        query: '99112233',
      }),
    );
    expect(byPhone.buyerMasked).toBe('10****71');
    expect(byPhone.buyerName).toBeNull();
    const byCode = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: sale.sale.id,
        query: '10038071',
      }),
    );
    expect(byCode.buyerName).toBeNull();
  });

  it('after payment, while the receipt is not issued (PosAPI down), the buyer can still be identified and the retry carries them', async () => {
    const till = openTestTill();
    const sims = await till.simulators();
    const sale = await openSale(till);
    sims.ebarimt.posApi.setActivated(false);
    await payCash(till, sale);
    const failed = await until(
      () => receiptOf(till, sale.sale.id),
      (r) => r.state === 'failed',
    );
    expect(failed.state).toBe('failed');

    const identified = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: sale.sale.id,
        query: 'УБ99112233',
      }),
    );
    expect(identified.buyerMasked).toBe('10****71');

    sims.ebarimt.posApi.setActivated(true);
    const issued = value<ReceiptView>(
      await till.kassa.invoke('cashier', 'receipt:issue', { saleId: sale.sale.id }),
    );
    expect(issued.state).toBe('issued');
    expect(sims.ebarimt.posApi.receipts.at(-1)).toMatchObject({
      type: 'B2C_RECEIPT',
      consumerNo: '10038071',
    });

    // Issued: the buyer no longer changes here (the approval screen registers an issued receipt).
    const late = await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
      saleId: sale.sale.id,
      query: 'ЧД88010101',
    });
    expect(late).toMatchObject({
      ok: false,
      error: { code: 'state.conflict', params: { reason: 'receipt-issued' } },
    });
  });

  it("a sale's buyer stays with its receipt: the next sale starts without one", async () => {
    const till = openTestTill();
    const first = await openSale(till);
    value(
      await till.kassa.invoke('cashier', 'receipt:identify-buyer', {
        saleId: first.sale.id,
        query: '5012345',
      }),
    );
    await payCash(till, first);
    await until(
      () => receiptOf(till, first.sale.id),
      (r) => r.state === 'issued',
    );
    const next = await openSale(till);
    expect(next.sale.id).not.toBe(first.sale.id);
    expect(next.sale.buyer).toBeUndefined();
    expect(await receiptOf(till, next.sale.id)).toMatchObject({
      buyerMasked: null,
      buyerName: null,
      organizationTin: null,
    });
  });
});
