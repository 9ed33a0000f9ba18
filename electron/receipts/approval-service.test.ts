/**
 * The approval flow end to end against the linked eBarimt simulators on loopback (electron/testing/
 * approval-harness.ts): real receipts give real qrData, Easy Register's approveQr checks it, every call goes
 * through the real gate, and the last test proves qrData never left memory.
 */
import { describe, expect, it } from 'vitest';
import { createEasyRegisterClient, CODE_TEXT } from '../providers/ebarimt';
import { testContext } from '../providers/ebarimt/test-support';
import { openApprovalHarness } from '../testing/approval-harness';
import { APPROVAL_TEXT } from './approval-flow';

const { sims, receipt, setup, approvalsOf, everything, issuedQr } = openApprovalHarness();

describe('approval: identify → confirm → approve', () => {
  it('by register number: name shown, confirmed, receipt approved exactly once; again → alreadyApproved', async () => {
    const t = setup();
    expect(await t.view('approval:start')).toMatchObject({ state: 'identifying', busy: false, buyer: null });
    const found = await t.view('approval:identify', { query: 'уб 99112233' });
    expect(found).toMatchObject({
      state: 'confirm',
      buyer: { name: 'Батын Болд', customerNoMasked: '10****71', identifiedBy: 'regno', emailMasked: null },
      error: null,
    });
    expect(await t.view('approval:confirm')).toMatchObject({ state: 'ready', approvedCount: 0 });

    const qr = await receipt();
    const approved = await t.view('approval:scan-receipt', { qrData: qr });
    expect(approved).toMatchObject({
      state: 'result',
      busy: false,
      approvedCount: 1,
      lastResult: {
        outcome: 'approved',
        ok: true,
        code: 'success',
        message: CODE_TEXT.success,
        afterRetry: false,
      },
    });
    expect(approvalsOf(qr)).toEqual([{ customerNo: '10038071', qrData: qr, code: 'success' }]);
    // The events walked through submitting before the result.
    expect(t.events.map((e) => e.state)).toEqual([
      'identifying',
      'identifying',
      'confirm',
      'ready',
      'submitting',
      'result',
    ]);

    const again = await t.view('approval:scan-receipt', { qrData: qr });
    expect(again).toMatchObject({
      state: 'result',
      approvedCount: 1,
      lastResult: { outcome: 'alreadyApproved', ok: false, message: CODE_TEXT.alreadyApproved },
    });
    t.done();
  });

  it('several receipts in a row for one buyer, including a B2B and an unknown QR', async () => {
    const t = setup();
    await t.view('approval:identify', { query: '99112233' });
    expect(t.service.view().buyer).toMatchObject({
      name: null,
      emailMasked: 'b******t@example.mn',
      identifiedBy: 'phone',
      customerNoMasked: '10****71',
    });
    await t.view('approval:confirm');
    const first = await receipt();
    const second = await receipt();
    const b2b = await receipt({ type: 'B2B_RECEIPT', customerTin: '37900846788' });
    expect((await t.view('approval:scan-receipt', { qrData: first })).lastResult?.outcome).toBe('approved');
    expect((await t.view('approval:scan-receipt', { qrData: b2b })).lastResult).toMatchObject({
      outcome: 'b2bNotAccepted',
      ok: false,
      message: CODE_TEXT.b2bNotAccepted,
    });
    expect((await t.view('approval:scan-receipt', { qrData: '7'.repeat(200) })).lastResult).toMatchObject({
      outcome: 'invalidQr',
      message: CODE_TEXT.invalidQr,
    });
    const last = await t.view('approval:scan-receipt', { qrData: second });
    expect(last).toMatchObject({ state: 'result', approvedCount: 2, lastResult: { outcome: 'approved' } });
    for (const qr of [first, second, b2b]) {
      expect(approvalsOf(qr)).toHaveLength(1);
    }
    t.done();
  });

  it('a receipt scanned on an idle screen opens the flow; confirming the buyer submits it', async () => {
    const t = setup();
    const qr = await receipt();
    const opened = await t.view('approval:start', { qrData: qr });
    expect(opened).toMatchObject({ state: 'identifying', pendingQr: true, buyer: null });
    expect(await t.view('approval:identify', { query: '10038071' })).toMatchObject({
      state: 'confirm',
      pendingQr: true,
      buyer: { identifiedBy: 'customer-no', emailMasked: 'b******t@example.mn' },
    });
    expect(approvalsOf(qr)).toHaveLength(0); // nothing is sent before the cashier confirms
    const done = await t.view('approval:confirm');
    expect(done).toMatchObject({ state: 'result', pendingQr: false, lastResult: { outcome: 'approved' } });
    expect(approvalsOf(qr)).toHaveLength(1);
    t.done();
  });

  it('a qrData-shaped scan into the buyer field is taken as the receipt', async () => {
    const t = setup();
    const qr = await receipt();
    expect(await t.view('approval:identify', { query: qr })).toMatchObject({
      state: 'identifying',
      pendingQr: true,
    });
    await t.view('approval:identify', { query: 'УБ99112233' });
    expect((await t.view('approval:confirm')).lastResult?.outcome).toBe('approved');
    t.done();
  });

  it('a new buyer after reset: the next receipt goes to them', async () => {
    const t = setup();
    await t.view('approval:identify', { query: 'УБ99112233' });
    await t.view('approval:confirm');
    await t.view('approval:scan-receipt', { qrData: await receipt() });
    expect(await t.view('approval:reset')).toMatchObject({
      state: 'identifying',
      buyer: null,
      lastResult: null,
      approvedCount: 0,
    });
    await t.view('approval:identify', { query: 'АА12345678' });
    await t.view('approval:confirm');
    const qr = await receipt();
    expect((await t.view('approval:scan-receipt', { qrData: qr })).lastResult?.outcome).toBe('approved');
    expect(approvalsOf(qr)).toEqual([{ customerNo: '11000001', qrData: qr, code: 'success' }]);
    expect(await t.view('approval:close')).toMatchObject({ state: 'idle', buyer: null, pendingQr: false });
    t.done();
  });
});

describe('approval: specific errors', () => {
  it('unknown register number → citizen-not-found; unknown phone → phone-not-registered; unknown code', async () => {
    const t = setup();
    expect(await t.view('approval:identify', { query: 'ФФ00000000' })).toMatchObject({
      state: 'identifying',
      buyer: null,
      canRetry: false,
      error: { code: 'citizen-not-found', message: { en: 'No eBarimt citizen has this register number.' } },
    });
    expect(await t.view('approval:identify', { query: '99000000' })).toMatchObject({
      error: { code: 'phone-not-registered', message: APPROVAL_TEXT.phoneNotRegistered },
    });
    expect(await t.view('approval:identify', { query: '19999999' })).toMatchObject({
      error: { code: 'customer-not-found', message: APPROVAL_TEXT.customerNotFound },
    });
    expect(await t.view('approval:identify', { query: '95112233' })).toMatchObject({
      error: { code: 'phone-shared', message: CODE_TEXT.userDuplicate },
    });
    expect(await t.view('approval:identify', { query: 'hello' })).toMatchObject({
      error: { code: 'unrecognised', message: APPROVAL_TEXT.unrecognised },
    });
    // Confirming nobody is a state conflict, with a stable code.
    const conflict = await t.call('approval:confirm');
    expect(conflict).toMatchObject({ ok: false, error: { code: 'state.conflict' } });
    t.done();
  });

  it('refused ITC login → token error: call support, hint kassa doctor, no retry', async () => {
    const t = setup({ secrets: { 'ebarimt.password': 'not-the-password' } });
    const view = await t.view('approval:identify', { query: 'УБ99112233' });
    expect(view).toMatchObject({
      state: 'identifying',
      canRetry: false,
      error: { code: 'token', hint: 'kassa doctor' },
    });
    expect(view.error?.message.en).toMatch(/Call support\.$/);
    expect(view.error?.message.mn).toMatch(/Техникийн дэмжлэгт хандана уу\.$/);
    t.done();
  });

  it('a token refused even after re-authenticating, during approveQr → token error; nothing approved', async () => {
    const t = setup();
    await t.view('approval:identify', { query: 'УБ99112233' });
    await t.view('approval:confirm');
    const qr = await receipt();
    sims().easyRegister.setTokenLifetime(0);
    sims().easyRegister.expireTokens();
    try {
      const view = await t.view('approval:scan-receipt', { qrData: qr });
      expect(view).toMatchObject({
        state: 'ready',
        canRetry: false,
        error: { code: 'token', hint: 'kassa doctor' },
      });
    } finally {
      sims().easyRegister.setTokenLifetime(300_000);
    }
    expect(approvalsOf(qr)).toHaveLength(0);
    t.done();
  });

  it('a missing password → config error with the doctor hint', async () => {
    const t = setup({ secrets: {} });
    expect(await t.view('approval:identify', { query: 'УБ99112233' })).toMatchObject({
      error: { code: 'config', hint: 'kassa doctor' },
    });
    t.done();
  });

  it('connection reset during approveQr → canRetry; retry approves it once, from memory', async () => {
    const t = setup();
    await t.view('approval:identify', { query: 'УБ99112233' });
    await t.view('approval:confirm');
    const qr = await receipt();
    sims().easyRegister.failNext('reset');
    const failed = await t.view('approval:scan-receipt', { qrData: qr });
    expect(failed).toMatchObject({
      state: 'ready',
      canRetry: true,
      busy: false,
      error: { code: 'network' },
      lastResult: null,
    });
    expect(approvalsOf(qr)).toHaveLength(0);
    const retried = await t.view('approval:retry');
    expect(retried).toMatchObject({
      state: 'result',
      canRetry: false,
      error: null,
      approvedCount: 1,
      lastResult: { outcome: 'approved', afterRetry: true },
    });
    expect(approvalsOf(qr).map((a) => a.code)).toEqual(['success']);
    // Nothing left to retry.
    expect(await t.call('approval:retry')).toMatchObject({ ok: false, error: { code: 'state.conflict' } });
    t.done();
  });

  it('network down (nothing listening) for the lookup and for approveQr; Retry after it is back', async () => {
    const t = setup();
    t.network.offline = true;
    const down = await t.view('approval:identify', { query: 'УБ99112233' });
    expect(down).toMatchObject({ state: 'identifying', canRetry: true, error: { code: 'network' } });
    t.network.offline = false;
    expect(await t.view('approval:retry')).toMatchObject({ state: 'confirm', buyer: { name: 'Батын Болд' } });
    await t.view('approval:confirm');

    const qr = await receipt();
    t.network.offline = true;
    expect(await t.view('approval:scan-receipt', { qrData: qr })).toMatchObject({
      canRetry: true,
      error: { code: 'network' },
    });
    expect(await t.view('approval:retry')).toMatchObject({ canRetry: true, error: { code: 'network' } });
    t.network.offline = false;
    expect((await t.view('approval:retry')).lastResult).toMatchObject({
      outcome: 'approved',
      afterRetry: true,
    });
    expect(approvalsOf(qr)).toHaveLength(1);
    t.done();
  });

  it('a retry after an attempt that did reach ITC reads alreadyApproved as "most likely done"', async () => {
    const t = setup();
    await t.view('approval:identify', { query: 'УБ99112233' });
    await t.view('approval:confirm');
    const qr = await receipt();
    // Approved by someone else meanwhile (e.g. the lost answer of an earlier attempt), then a timeout.
    await createEasyRegisterClient(testContext(sims().sandbox.secrets), sims().sandbox.settings).approveQr({
      customerNo: '10038071',
      qrData: qr,
    });
    sims().easyRegister.failNext('reset');
    await t.view('approval:scan-receipt', { qrData: qr });
    expect((await t.view('approval:retry')).lastResult).toMatchObject({
      outcome: 'alreadyApproved',
      afterRetry: true,
      message: APPROVAL_TEXT.alreadyApprovedAfterRetry,
    });
    t.done();
  });

  it('input is checked at the channel: qrData digits only and long enough, without echoing it', async () => {
    const t = setup();
    const letters = await t.call('approval:scan-receipt', {
      qrData: `12345678901234567890${'x'.repeat(30)}`,
    });
    expect(letters).toMatchObject({ ok: false, error: { code: 'validation' } });
    const short = await t.call('approval:scan-receipt', { qrData: '123456789012' });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(short)).not.toContain('123456789012');
    expect(await t.call('approval:identify', { query: '' })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    t.done();
  });
});

describe('approval: qrData stays in memory', () => {
  it('no log line, event or envelope of any test above carries a qrData; only approveQr requests did', () => {
    expect(issuedQr.length).toBeGreaterThan(8);
    expect(everything.events.length).toBeGreaterThan(20);
    expect(everything.envelopes.length).toBeGreaterThan(20);
    const logText = everything.lines.join('\n');
    // The flow did log about receipts, so the search below is meaningful.
    expect(logText).toContain('approval: receipt answered');
    expect(logText).toContain('approval: failed');
    const eventText = everything.events.join('\n');
    const envelopeText = everything.envelopes.join('\n');
    for (const qr of issuedQr) {
      for (const piece of [qr, qr.slice(0, 40), qr.slice(-40)]) {
        expect(logText).not.toContain(piece);
        expect(eventText).not.toContain(piece);
        expect(envelopeText).not.toContain(piece);
      }
      // The simulator saw it only in approveQr request bodies.
      const carrying = sims().easyRegister.requests.filter((r) => JSON.stringify(r.body ?? '').includes(qr));
      expect(carrying.length).toBeGreaterThan(0);
      expect(carrying.every((r) => r.path.endsWith('/rest/v1/approveQr'))).toBe(true);
    }
  });
});
