/**
 * Receipts off the happy path (issue 11, finding 5), against the PosAPI simulator: a lost answer ends in an
 * explicit `unconfirmed` receipt, a resend the same PosAPI day never issues a second receipt, another day waits
 * for a manager, and the manager's resolution (receipt:resolve) settles it with who and why.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MINUTE } from '../kernel/clock';
import { BOOK, DRINK, receiptRig, type ReceiptRig } from '../testing/receipt-rig';

let rig: ReceiptRig;
beforeEach(async () => {
  rig = await receiptRig();
});
afterEach(async () => {
  await rig.close();
});

const active = () => rig.sims.posApi.receipts.filter((r) => !r.deleted && r.replacedBy === null);

describe('a receipt whose answer was lost', () => {
  it('is journaled pending (suffix, amount, send time) before PosAPI is called', async () => {
    const sale = rig.paidSale('S1', 1, [DRINK, BOOK]);
    await rig.service.issue('S1');
    expect(rig.writes[0]?.ref).toMatchObject({
      id: 'pending-000001',
      status: 'pending',
      amount: sale.totals.total,
      sentAt: rig.clock.now(),
    });
    expect(rig.service.get('S1')).toMatchObject({ state: 'issued', receiptId: active()[0]?.id });
    expect(rig.sales.get('S1')?.receipt).toMatchObject({
      status: 'issued',
      date: active()[0]?.date,
      amount: sale.totals.total,
    });
  });

  it('PosAPI issued it but the answer was lost: unconfirmed; the resend is refused as a duplicate; a manager enters the id', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    rig.sims.posApi.failNext('lost-answer');
    const first = await rig.service.issue('S1');
    expect(first.state).toBe('unconfirmed');
    expect(rig.sims.posApi.receipts).toHaveLength(1);
    // The cashier tries again the same day: PosAPI's duplicate check refuses the same suffix.
    const again = await rig.service.issue('S1');
    expect(again).toMatchObject({ state: 'unconfirmed', error: { code: 'receipt.needs-manager' } });
    expect(again.error?.message.mn).toMatch(/PosAPI/);
    expect(rig.sims.posApi.receipts).toHaveLength(1);

    const held = rig.sims.posApi.receipts[0];
    const resolved = await rig.service.resolve(
      {
        saleId: 'S1',
        action: 'issued',
        receiptId: held?.id ?? '',
        date: held?.date ?? '',
        reason: 'found in PosAPI',
      },
      'Dulmaa',
    );
    expect(resolved).toMatchObject({
      state: 'issued',
      receiptId: held?.id,
      error: null,
      resolution: { action: 'issued', by: 'Dulmaa', reason: 'found in PosAPI' },
    });
    expect(rig.writes.at(-1)?.what).toBe('receipt.resolved');
    expect(rig.sims.posApi.receipts).toHaveLength(1);
  });

  it('PosAPI never got it (answer 500): the resend the same day issues exactly one receipt', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    rig.sims.posApi.failNext('http500');
    expect((await rig.service.issue('S1')).state).toBe('unconfirmed');
    expect(await rig.service.issue('S1')).toMatchObject({ state: 'issued', error: null });
    expect(rig.sims.posApi.receipts).toHaveLength(1);
  });

  it('is not resent on another PosAPI day (the duplicate check no longer protects it): a manager re-issues or gives up', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    rig.paidSale('S2', 2, [BOOK]);
    rig.sims.posApi.failNext('http500');
    rig.sims.posApi.failNext('http500');
    await rig.service.issue('S1');
    await rig.service.issue('S2');
    rig.clock.advance(24 * 60 * MINUTE);
    const sent = rig.sims.posApi.requests.length;
    expect(await rig.service.issue('S1')).toMatchObject({
      state: 'unconfirmed',
      error: { code: 'receipt.needs-manager' },
    });
    expect(rig.sims.posApi.requests).toHaveLength(sent);

    const reissued = await rig.service.resolve(
      { saleId: 'S1', action: 'reissue', reason: 'PosAPI web page shows none' },
      'Dulmaa',
    );
    expect(reissued).toMatchObject({ state: 'issued', resolution: { action: 'reissue', by: 'Dulmaa' } });
    expect(active().map((r) => r.billIdSuffix)).toEqual(['00000101']);

    const waived = await rig.service.resolve(
      { saleId: 'S2', action: 'no-receipt', reason: 'customer left; issued by hand' },
      'Bat',
    );
    expect(waived).toMatchObject({
      state: 'not-issued',
      resolution: { action: 'no-receipt', by: 'Bat', reason: 'customer left; issued by hand' },
    });
    expect(rig.sales.get('S2')?.receipt?.status).toBe('not-issued');
  });

  it('an issued receipt cannot be resolved over', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    await rig.service.issue('S1');
    await expect(
      rig.service.resolve({ saleId: 'S1', action: 'no-receipt', reason: 'x' }, 'Bat'),
    ).rejects.toMatchObject({ code: 'state.conflict' });
  });

  it('recovery on start: a send cut off by a crash is resent the same day (refused if PosAPI has it: unconfirmed), a sale never sent is issued', async () => {
    rig.paidSale('S1', 1, [DRINK]);
    rig.paidSale('S2', 2, [BOOK]);
    // S1 reached PosAPI, then the till died before the answer was journaled.
    rig.sims.posApi.failNext('lost-answer');
    await rig.service.issue('S1');
    const cut = rig.sales.get('S1');
    rig.sales.set('S1', {
      ...(cut ?? rig.paidSale('S1', 1, [DRINK])),
      receipt: { ...cut?.receipt, id: 'pending-000001', status: 'pending', sentAt: rig.clock.now() },
    });
    expect(await rig.service.recover([...rig.sales.values()])).toBe(2);
    expect(rig.service.get('S1').state).toBe('unconfirmed');
    expect(rig.service.get('S2').state).toBe('issued');
    expect(rig.sims.posApi.receipts).toHaveLength(2);
  });
});
