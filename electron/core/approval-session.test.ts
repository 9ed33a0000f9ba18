/**
 * Issue 11, finding 7, through the core: the approval buyer's session ends when the cashier touches a sale (any
 * sale command or a product scan) or leaves the approval screen, so a receipt scanned afterwards asks for its own
 * buyer. The first case is the shop's: a second cashier window sells while the first still shows the approval
 * screen (the scan context is the approval screen's), and the new sale's receipt is scanned.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ApprovalViewModel } from '../../shared/channels/approval';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { SaleView } from '../../shared/channels/sale';
import { approvalSessionEnd } from './approval-session';
import { closeTills, openTestTill, until, value, type TestTill } from '../testing/till';

afterEach(closeTills);

const call = async <T>(till: TestTill, channel: string, input: unknown = {}): Promise<T> =>
  value<T>(await till.kassa.invoke('cashier', channel, input));

const setScreen = (till: TestTill, screen: string) =>
  call(till, 'scan:set-screen', { screen, dialog: false, quantity: null });

const approvalState = (till: TestTill) => call<ApprovalViewModel>(till, 'approval:state');

/** A paid one-line sale and its issued receipt's qrData. */
async function paidReceipt(till: TestTill): Promise<string> {
  await call(till, 'sale:new');
  const sale = await call<SaleView>(till, 'sale:add-line', { kind: 'catalog', code: '8650001000015' });
  await call(till, 'payment:start', {
    saleId: sale.sale.id,
    method: 'cash',
    tendered: sale.sale.totals.total,
  });
  const receipt = await until(
    () => call<ReceiptView>(till, 'receipt:get', { saleId: sale.sale.id }),
    (r) => r.state === 'issued',
  );
  return receipt.printable?.qrData ?? '';
}

/** On the approval screen: buyer 10038071 identified by a scan, confirmed, one receipt approved. */
async function approveOne(till: TestTill, qrData: string): Promise<void> {
  await setScreen(till, 'approval');
  await call(till, 'approval:start');
  await call(till, 'scan:submit', { text: '10038071', source: 'wedge' });
  await until(
    () => approvalState(till),
    (v) => v.state === 'confirm',
  );
  await call(till, 'approval:confirm');
  await call(till, 'scan:submit', { text: qrData, source: 'wedge' });
  const done = await until(
    () => approvalState(till),
    (v) => v.state === 'result',
  );
  expect(done).toMatchObject({ approvedCount: 1, lastResult: { outcome: 'approved' } });
}

const approvalsOf = async (till: TestTill, qrData: string) =>
  call<{ count: number; codes: string[] }>(till, 'sandbox:approvals', { qrData });

describe('approval session ends when the cashier sells again', () => {
  it('a sale rung up meanwhile (another window; the scan context still says approval): its receipt asks for its own buyer', async () => {
    const till = openTestTill();
    await approveOne(till, await paidReceipt(till));

    const next = await paidReceipt(till); // sale:new, add-line, payment:start — while the context is "approval"
    const afterSale = await approvalState(till);
    expect(afterSale).toMatchObject({ state: 'identifying', buyer: null, sessionEnded: 'sale' });

    await call(till, 'scan:submit', { text: next, source: 'wedge' });
    expect(await approvalState(till)).toMatchObject({ state: 'identifying', buyer: null, pendingQr: true });
    expect(await approvalsOf(till, next)).toEqual({ count: 0, codes: [] });
  });

  it('leaving the approval screen and coming back: the next receipt is held for a new buyer', async () => {
    const till = openTestTill();
    const first = await paidReceipt(till);
    const second = await paidReceipt(till);
    await approveOne(till, first);

    await setScreen(till, 'journal');
    expect(await approvalState(till)).toMatchObject({ state: 'idle', buyer: null });
    await setScreen(till, 'approval');
    await call(till, 'approval:start');
    await call(till, 'scan:submit', { text: second, source: 'wedge' });
    expect(await approvalState(till)).toMatchObject({ state: 'identifying', buyer: null, pendingQr: true });
    expect(await approvalsOf(till, second)).toEqual({ count: 0, codes: [] });
  });

  it('a dialog opened on the approval screen or a read of the sale does not end the session', async () => {
    const till = openTestTill();
    await approveOne(till, await paidReceipt(till));
    await call(till, 'scan:set-screen', { screen: 'approval', dialog: true, quantity: null });
    await call(till, 'sale:current');
    expect(await approvalState(till)).toMatchObject({ state: 'result', approvedCount: 1 });
  });
});

describe('approvalSessionEnd', () => {
  it('sale commands end it; reads do not; leaving the approval screen does, staying on it does not', () => {
    expect(approvalSessionEnd('payment:start', {}, { screen: 'sale' })).toBe('sale');
    expect(approvalSessionEnd('sale:void', {}, { screen: 'approval' })).toBe('sale');
    expect(approvalSessionEnd('sale:current', {}, { screen: 'approval' })).toBeUndefined();
    expect(approvalSessionEnd('payment:list', {}, { screen: 'approval' })).toBeUndefined();
    expect(approvalSessionEnd('scan:set-screen', { screen: 'sale' }, { screen: 'approval' })).toBe(
      'left-screen',
    );
    expect(
      approvalSessionEnd('scan:set-screen', { screen: 'approval' }, { screen: 'approval' }),
    ).toBeUndefined();
    expect(approvalSessionEnd('scan:set-screen', { screen: 'payment' }, { screen: 'sale' })).toBeUndefined();
  });
});
