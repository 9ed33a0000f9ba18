/**
 * Issue #13 finding 6, through the real gate of a whole till: free text is cleaned of control and bidi
 * characters at the boundary, and amounts beyond the currency's limit are `validation` answers that change
 * nothing — never `internal`, never accepted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../shared/channels/sale';
import { closeTills, openTestTill, value } from '../testing/till';

afterEach(closeTills);

async function newSale(till: ReturnType<typeof openTestTill>): Promise<SaleView> {
  return value<SaleView>(await till.kassa.invoke('cashier', 'sale:new', {}));
}

describe('free text at the boundary', () => {
  it('a product name with a right-to-left override is stored as it reads', async () => {
    const till = openTestTill();
    await newSale(till);
    const view = value<SaleView>(
      await till.kassa.invoke('cashier', 'sale:add-line', {
        kind: 'free',
        name: 'ABC\u202Egnp.exe\u0007',
        unitPrice: 1000,
      }),
    );
    expect(view.sale.lines[0]?.name).toBe('ABCgnp.exe');
  });

  it('a name that is nothing but control characters is a validation error and adds nothing', async () => {
    const till = openTestTill();
    await newSale(till);
    const answer = await till.kassa.invoke('cashier', 'sale:add-line', {
      kind: 'free',
      name: '\u202E\u200b\u0000',
      unitPrice: 1000,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    const current = value<SaleView>(await till.kassa.invoke('cashier', 'sale:current', {}));
    expect(current.sale.lines).toHaveLength(0);
  });

  it('a CSV price list has its names cleaned the same way', async () => {
    const till = openTestTill();
    value(
      await till.kassa.invoke('operator', 'catalog:import-csv', {
        csv: 'sku,name,price\nX1,"Bad\u202Eexe.txt",1200\n',
      }),
    );
    const found = value<{ name: string }[]>(
      await till.kassa.invoke('cashier', 'catalog:search', { query: 'X1' }),
    );
    expect(found[0]?.name).toBe('Badexe.txt');
  });

  it('a sale note (void reason) is cleaned', async () => {
    const till = openTestTill();
    const { sale } = await newSale(till);
    const voided = value<SaleView>(
      await till.kassa.invoke('cashier', 'sale:void', { saleId: sale.id, reason: 'wrong\u202E item\n' }),
    );
    expect(voided.sale.voidReason).toBe('wrong item');
  });
});

describe('money limits per currency', () => {
  it('a 9e15 MNT free item is refused as validation; nothing is added', async () => {
    const till = openTestTill();
    await newSale(till);
    const answer = await till.kassa.invoke('cashier', 'sale:add-line', {
      kind: 'free',
      name: 'Gold',
      unitPrice: 9e15,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    const current = value<SaleView>(await till.kassa.invoke('cashier', 'sale:current', {}));
    expect(current.sale.lines).toHaveLength(0);
  });

  it('price × quantity beyond the limit is validation, not internal', async () => {
    const till = openTestTill();
    await newSale(till);
    const answer = await till.kassa.invoke('cashier', 'sale:add-line', {
      kind: 'free',
      name: 'Gold',
      unitPrice: 9_000_000_000,
      quantity: 1_000_000,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    if (!answer.ok) {
      expect(answer.error.issues?.[0]?.path).toBe('lines.0.quantity');
    }
  });

  it('a product past Number.MAX_SAFE_INTEGER (5e15 × 2) is validation, never internal', async () => {
    const till = openTestTill();
    await newSale(till);
    const answer = await till.kassa.invoke('cashier', 'sale:add-line', {
      kind: 'free',
      name: 'Overflow',
      unitPrice: 5e15,
      quantity: 2,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it('lines that each fit but together pass the limit are refused at the line that passes it', async () => {
    const till = openTestTill();
    await newSale(till);
    const line = { kind: 'free' as const, name: 'Car', unitPrice: 6_000_000_000 };
    value(await till.kassa.invoke('cashier', 'sale:add-line', line));
    const second = await till.kassa.invoke('cashier', 'sale:add-line', line);
    expect(second).toMatchObject({ ok: false, error: { code: 'validation' } });
    const current = value<SaleView>(await till.kassa.invoke('cashier', 'sale:current', {}));
    expect(current.sale.lines).toHaveLength(1);
    expect(current.sale.totals.total).toBe(6_000_000_000);
  });

  it('raising a quantity past the limit is refused and the line keeps its quantity', async () => {
    const till = openTestTill();
    await newSale(till);
    const view = value<SaleView>(
      await till.kassa.invoke('cashier', 'sale:add-line', {
        kind: 'free',
        name: 'Car',
        unitPrice: 5_000_000_000,
      }),
    );
    const lineId = view.sale.lines[0]?.id ?? '';
    const answer = await till.kassa.invoke('cashier', 'sale:set-quantity', { lineId, quantity: 3 });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    const current = value<SaleView>(await till.kassa.invoke('cashier', 'sale:current', {}));
    expect(current.sale.lines[0]?.quantity).toBe(1);
  });

  it('cash handed over beyond the limit is validation; no payment starts', async () => {
    const till = openTestTill();
    const { sale } = await newSale(till);
    value(
      await till.kassa.invoke('cashier', 'sale:add-line', { kind: 'free', name: 'Tea', unitPrice: 1000 }),
    );
    const answer = await till.kassa.invoke('cashier', 'payment:start', {
      saleId: sale.id,
      method: 'cash',
      tendered: 9e15,
    });
    expect(answer).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(value<unknown[]>(await till.kassa.invoke('cashier', 'payment:list', { saleId: sale.id }))).toEqual(
      [],
    );
  });

  it('GEL has its own limit: 20 million lari is refused, 2 million accepted', async () => {
    const till = openTestTill();
    value(
      await till.kassa.invoke('operator', 'settings:set', {
        settings: { ...till.settings.get(), country: 'GE' },
      }),
    );
    await newSale(till);
    const tooMuch = await till.kassa.invoke('cashier', 'sale:add-line', {
      kind: 'free',
      name: 'Flat',
      unitPrice: 2_000_000_000,
    });
    expect(tooMuch).toMatchObject({ ok: false, error: { code: 'validation' } });
    const fine = value<SaleView>(
      await till.kassa.invoke('cashier', 'sale:add-line', {
        kind: 'free',
        name: 'Flat',
        unitPrice: 200_000_000,
      }),
    );
    expect(fine.sale.totals.total).toBe(200_000_000);
  });
});
