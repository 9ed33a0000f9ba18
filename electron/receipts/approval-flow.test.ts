import { describe, expect, it } from 'vitest';
import { ApprovalViewModelSchema } from '../../shared/channels/approval';
import {
  classifyQuery,
  FlowConflict,
  HeldQr,
  initialFlowState,
  maskCustomerNo,
  step,
  toViewModel,
  type Buyer,
  type FlowEvent,
  type FlowState,
} from './approval-flow';

const QR = '4'.repeat(120);
const BUYER: Buyer = { customerNo: '10038071', name: 'Батын Болд', emailMasked: null, identifiedBy: 'regno' };

function run(events: FlowEvent[], from: FlowState = initialFlowState()) {
  let state = from;
  const effects = [];
  for (const event of events) {
    const next = step(state, event);
    state = next.state;
    if (next.effect) {
      effects.push(next.effect);
    }
  }
  return { state, effects };
}

describe('approval flow: classification', () => {
  it.each([
    ['уб99112233', { kind: 'regno', regNo: 'УБ99112233' }],
    ['УБ 99112233', { kind: 'regno', regNo: 'УБ99112233' }],
    ['99112233', { kind: 'phone', phoneNum: '99112233' }],
    ['+976 9911 2233', { kind: 'phone', phoneNum: '99112233' }],
    ['10038071', { kind: 'customer-no', customerNo: '10038071' }],
    ['hello', { kind: 'unrecognised' }],
    ['UB99112233', { kind: 'unrecognised' }], // U has no Cyrillic look-alike
    ['AA12345678', { kind: 'regno', regNo: 'АА12345678' }], // ITC's test citizen, Latin look-alikes
    ['+995555123456', { kind: 'unrecognised' }], // Easy Register knows Mongolian numbers only
  ] as const)('%s → %j', (query, expected) => {
    expect(classifyQuery(query)).toEqual(expected);
  });

  it('a qrData-shaped query is a receipt, held without exposing its digits', () => {
    const classified = classifyQuery(QR);
    expect(classified.kind).toBe('receipt');
    const held = (classified as { qr: HeldQr }).qr;
    expect(held.digits()).toBe(QR);
    expect(JSON.stringify({ held })).not.toContain('4444');
    expect(String(held)).not.toContain('4444');
  });

  it('masks the customer code', () => {
    expect(maskCustomerNo('10038071')).toBe('10****71');
  });
});

describe('approval flow: transitions', () => {
  it('a receipt scanned on another screen starts over: the confirmed buyer is forgotten, not submitted to', () => {
    const ready = run([
      { type: 'identify', query: '10038071' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
    ]).state;
    expect(ready.phase).toBe('ready');
    const { state, effects } = run([{ type: 'open-receipt', qr: new HeldQr(QR) }], ready);
    expect(effects).toEqual([]);
    expect(toViewModel(state)).toMatchObject({ state: 'identifying', buyer: null, pendingQr: true });
    // An answer still in flight for the previous customer is ignored (seq moved on).
    expect(state.seq).toBeGreaterThan(ready.seq);
    const submitting = run([{ type: 'scan', qr: new HeldQr(QR) }], ready).state;
    expect(() => step(submitting, { type: 'open-receipt', qr: new HeldQr(QR) })).toThrow(FlowConflict);
  });

  it('identify → confirm → ready → submitting → result → submitting (next receipt)', () => {
    let { state, effects } = run([{ type: 'open' }, { type: 'identify', query: 'УБ99112233' }]);
    expect(state.phase).toBe('identifying');
    expect(state.busy).toBe(true);
    expect(effects).toEqual([{ kind: 'lookup', seq: 1, query: { kind: 'regno', regNo: 'УБ99112233' } }]);
    ({ state, effects } = run(
      [
        { type: 'lookup-done', seq: 1, buyer: BUYER },
        { type: 'confirm' },
        { type: 'scan', qr: new HeldQr(QR) },
      ],
      state,
    ));
    expect(state.phase).toBe('submitting');
    expect(effects).toHaveLength(1);
    const [approve] = effects;
    expect(approve?.kind === 'approve' && approve.qr.digits()).toBe(QR);
    expect(approve?.kind === 'approve' && approve.customerNo).toBe('10038071');
    const result = {
      outcome: 'approved',
      ok: true,
      message: { mn: 'a', en: 'b' },
      code: 'success',
      afterRetry: false,
    } as const;
    ({ state } = run([{ type: 'approve-done', seq: approve?.seq ?? -1, result }], state));
    expect(toViewModel(state)).toMatchObject({ state: 'result', approvedCount: 1, lastResult: result });
    ({ state, effects } = run([{ type: 'scan', qr: new HeldQr('5'.repeat(60)) }], state));
    expect(state.phase).toBe('submitting');
    expect(state.buyer).toEqual(BUYER);
    expect(effects).toHaveLength(1);
  });

  it('a receipt scanned on an idle screen waits, and is submitted when the buyer is confirmed', () => {
    const { state, effects } = run([
      { type: 'scan', qr: new HeldQr(QR) },
      { type: 'identify', query: '10038071' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
    ]);
    expect(toViewModel(state)).toMatchObject({ state: 'confirm', pendingQr: true });
    const confirmed = step(state, { type: 'confirm' });
    expect(confirmed.state.phase).toBe('submitting');
    expect(confirmed.state.pendingQr).toBeNull();
    expect(confirmed.effect?.kind === 'approve' && confirmed.effect.qr.digits()).toBe(QR);
    expect(effects).toHaveLength(1); // only the lookup before the confirm
  });

  it('a failed approve is offered for retry with the same receipt; retry marks afterRetry', () => {
    const { state } = run([
      { type: 'identify', query: 'УБ99112233' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
      { type: 'scan', qr: new HeldQr(QR) },
      {
        type: 'approve-failed',
        seq: 2,
        error: { code: 'network', message: { mn: '', en: '' } },
        retryable: true,
      },
    ]);
    expect(toViewModel(state)).toMatchObject({ state: 'ready', canRetry: true, error: { code: 'network' } });
    const retried = step(state, { type: 'retry' });
    expect(retried.effect).toMatchObject({ kind: 'approve', afterRetry: true, seq: 3 });
    expect(retried.effect?.kind === 'approve' && retried.effect.qr.digits()).toBe(QR);
  });

  it('stale completions (after reset or close) are ignored', () => {
    const { state } = run([{ type: 'identify', query: 'УБ99112233' }, { type: 'reset' }]);
    const after = step(state, { type: 'lookup-done', seq: 1, buyer: BUYER });
    expect(after.state).toBe(state);
    expect(after.state.phase).toBe('identifying');
  });

  it('an unrecognised query only sets the message; a confirmed buyer stays', () => {
    const { state } = run([
      { type: 'identify', query: 'УБ99112233' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
      { type: 'identify', query: 'nonsense' },
    ]);
    expect(toViewModel(state)).toMatchObject({ state: 'ready', error: { code: 'unrecognised' } });
    expect(state.buyer).toEqual(BUYER);
  });

  it('refuses what the state cannot take', () => {
    expect(() => step(initialFlowState(), { type: 'confirm' })).toThrow(FlowConflict);
    expect(() => step(initialFlowState(), { type: 'retry' })).toThrow(FlowConflict);
    const { state } = run([
      { type: 'identify', query: 'УБ99112233' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
      { type: 'scan', qr: new HeldQr(QR) },
    ]);
    expect(() => step(state, { type: 'scan', qr: new HeldQr(QR) })).toThrow(FlowConflict);
    expect(() => step(state, { type: 'reset' })).toThrow(FlowConflict);
    expect(step(state, { type: 'close' }).state.phase).toBe('idle');
  });

  it('the view-model never carries qrData, in any state', () => {
    const states: FlowState[] = [];
    let state = initialFlowState();
    for (const event of [
      { type: 'open', qr: new HeldQr(QR) },
      { type: 'identify', query: 'УБ99112233' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
      {
        type: 'approve-failed',
        seq: 2,
        error: { code: 'network', message: { mn: '', en: '' } },
        retryable: true,
      },
    ] as FlowEvent[]) {
      state = step(state, event).state;
      states.push(state);
    }
    for (const s of states) {
      const view = toViewModel(s);
      expect(ApprovalViewModelSchema.parse(view)).toEqual(view);
      expect(JSON.stringify(view)).not.toContain('4444');
    }
    expect(JSON.stringify(states)).not.toContain('4444'); // even the internal state serialises without it
  });
});

describe('approval flow: the session ends', () => {
  const confirmed = (): FlowState =>
    run([
      { type: 'open' },
      { type: 'identify', query: 'УБ99112233' },
      { type: 'lookup-done', seq: 1, buyer: BUYER },
      { type: 'confirm' },
    ]).state;

  it('touching a sale: the buyer is forgotten, the open screen asks for the next one and says why', () => {
    const { state, effects } = run(
      [
        { type: 'end-session', reason: 'sale' },
        { type: 'scan', qr: new HeldQr(QR) },
      ],
      confirmed(),
    );
    expect(effects).toEqual([]); // nothing is submitted to the previous buyer
    expect(toViewModel(state)).toMatchObject({
      state: 'identifying',
      buyer: null,
      pendingQr: true,
      sessionEnded: 'sale',
    });
  });

  it('leaving the screen closes it; an answer still in flight is dropped', () => {
    const submitting = step(confirmed(), { type: 'scan', qr: new HeldQr(QR) });
    expect(submitting.effect?.kind).toBe('approve');
    const left = step(submitting.state, { type: 'end-session', reason: 'left-screen' }).state;
    expect(toViewModel(left)).toMatchObject({ state: 'idle', buyer: null, sessionEnded: null });
    const late = step(left, {
      type: 'approve-done',
      seq: submitting.state.seq,
      result: {
        outcome: 'approved',
        ok: true,
        message: { mn: '', en: '' },
        code: 'success',
        afterRetry: false,
      },
    });
    expect(late.state).toBe(left);
  });

  it('the notice stays until the next buyer is looked up', () => {
    const ended = step(confirmed(), { type: 'end-session', reason: 'idle' }).state;
    expect(toViewModel(ended).sessionEnded).toBe('idle');
    const lookingUp = step(ended, { type: 'identify', query: '10038071' }).state;
    expect(toViewModel(lookingUp).sessionEnded).toBeNull();
  });

  it('an idle flow has no session to end', () => {
    const idle = initialFlowState();
    expect(step(idle, { type: 'end-session', reason: 'sale' }).state).toBe(idle);
  });
});
