/**
 * Issue 11, finding 7, at the approval service: one buyer may approve several receipts in a row, but the session
 * ends when the cashier leaves the screen, touches a sale or lets it sit for the idle timeout (fake clock here);
 * a receipt scanned after that is held and asks for its own buyer, never submitted to the previous one.
 */
import { describe, expect, it } from 'vitest';
import { openApprovalHarness } from '../testing/approval-harness';
import { APPROVAL_IDLE_MS } from './approval-service';

const { setup, receipt, approvalsOf } = openApprovalHarness();

function fakeClock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

/** Identify Батын Болд by register number and confirm. */
async function confirmedBuyer(t: ReturnType<typeof setup>) {
  await t.view('approval:start');
  await t.view('approval:identify', { query: 'УБ99112233' });
  return t.view('approval:confirm');
}

describe('approval session: one buyer, several receipts, then it ends', () => {
  it('within the idle timeout the next receipt goes to the same buyer', async () => {
    const clock = fakeClock();
    const t = setup({ clock });
    await confirmedBuyer(t);
    const first = await receipt();
    const second = await receipt();
    await t.view('approval:scan-receipt', { qrData: first });
    clock.advance(APPROVAL_IDLE_MS - 1_000);
    const view = await t.view('approval:scan-receipt', { qrData: second });
    expect(view).toMatchObject({ state: 'result', approvedCount: 2, sessionEnded: null });
    expect(approvalsOf(second)).toEqual([{ customerNo: '10038071', qrData: second, code: 'success' }]);
    t.done();
  });

  it('after the idle timeout a scanned receipt is held and the screen asks for its buyer', async () => {
    const clock = fakeClock();
    const t = setup({ clock });
    await confirmedBuyer(t);
    await t.view('approval:scan-receipt', { qrData: await receipt() });
    clock.advance(APPROVAL_IDLE_MS);
    const next = await receipt();
    t.service.takeScan({ kind: 'receipt', qrData: next });
    expect(t.service.view()).toMatchObject({
      state: 'identifying',
      buyer: null,
      pendingQr: true,
      approvedCount: 0,
      sessionEnded: 'idle',
    });
    expect(approvalsOf(next)).toEqual([]);
    t.done();
  });

  it('touching a sale ends the session: the screen asks for a new buyer, the next receipt waits for them', async () => {
    const t = setup();
    await confirmedBuyer(t);
    await t.view('approval:scan-receipt', { qrData: await receipt() });
    t.service.endSession('sale');
    expect(t.service.view()).toMatchObject({ state: 'identifying', buyer: null, sessionEnded: 'sale' });

    const next = await receipt();
    const held = await t.view('approval:scan-receipt', { qrData: next });
    expect(held).toMatchObject({ state: 'identifying', pendingQr: true, buyer: null, sessionEnded: 'sale' });
    expect(approvalsOf(next)).toEqual([]);

    // Its own buyer: identified and confirmed, the held receipt goes to them.
    await t.view('approval:identify', { query: '10038071' });
    const done = await t.view('approval:confirm');
    expect(done).toMatchObject({ state: 'result', approvedCount: 1, lastResult: { outcome: 'approved' } });
    expect(approvalsOf(next)).toHaveLength(1);
    t.done();
  });

  it('leaving the approval screen closes the session; coming back starts with no buyer', async () => {
    const t = setup();
    await confirmedBuyer(t);
    t.service.endSession('left-screen');
    expect(t.service.view()).toMatchObject({ state: 'idle', buyer: null, sessionEnded: null });
    expect(await t.view('approval:start')).toMatchObject({ state: 'identifying', buyer: null });
    const next = await receipt();
    expect(await t.view('approval:scan-receipt', { qrData: next })).toMatchObject({ pendingQr: true });
    expect(approvalsOf(next)).toEqual([]);
    t.done();
  });

  it('ending an idle flow does nothing (no event)', () => {
    const t = setup();
    t.service.endSession('sale');
    t.service.endSession('left-screen');
    expect(t.events).toEqual([]);
    expect(t.service.view().state).toBe('idle');
    t.done();
  });
});
