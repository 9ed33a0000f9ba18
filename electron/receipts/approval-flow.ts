/**
 * The e-receipt approval flow as a pure state machine (no I/O, no clock):
 *
 *   idle ─open/identify/scan→ identifying ─lookup ok→ confirm(buyer) ─confirm→ ready(buyer)
 *   ready | result ─scan→ submitting ─answer→ result(buyer, outcome) ─scan→ submitting … (next receipt)
 *
 * A receipt scanned before the buyer is confirmed waits as `pendingQr` and is submitted on confirm; a receipt
 * scanned on another screen (`open-receipt`) starts over with a new buyer. `step()`
 * returns the next state and at most one effect (a lookup or an approveQr) for the service to run; the
 * effect's completion comes back as an event carrying the effect's `seq`, and a completion whose `seq` is
 * not the current one (the cashier reset or closed meanwhile) is ignored.
 *
 * qrData lives only inside `HeldQr` (memory only, ITC rule): `toViewModel()` exposes whether one is held,
 * never its digits, and a HeldQr serialises to a placeholder if anything ever tries to log or stringify it.
 */
import type {
  ApprovalErrorView,
  ApprovalResultView,
  ApprovalState,
  ApprovalViewModel,
  BuyerView,
} from '../../shared/channels/approval';
import { APPROVAL_TEXT, classifyQuery, HeldQr, maskCustomerNo, type BuyerQuery } from './approval-query';

export { APPROVAL_TEXT, classifyQuery, HeldQr, maskCustomerNo };
export type { BuyerQuery };

export interface Buyer {
  /** Full 8-digit eBarimt code: what approveQr is sent. Shown masked. */
  customerNo: string;
  name: string | null;
  emailMasked: string | null;
  identifiedBy: BuyerQuery['kind'];
}

export type Effect =
  | { kind: 'lookup'; seq: number; query: BuyerQuery }
  | { kind: 'approve'; seq: number; customerNo: string; qr: HeldQr; afterRetry: boolean };

export interface FlowState {
  readonly phase: ApprovalState;
  readonly busy: boolean;
  readonly buyer: Buyer | null;
  readonly pendingQr: HeldQr | null;
  readonly lastResult: ApprovalResultView | null;
  readonly approvedCount: number;
  readonly error: ApprovalErrorView | null;
  /** The failed effect `retry` repeats (memory only); null when the last failure is not worth repeating. */
  readonly retry: Effect | null;
  /** The effect being run (memory only), so a failure can be offered for retry. */
  readonly inFlight: Effect | null;
  readonly seq: number;
  /** Why the last buyer's session ended while the screen stayed open; cleared when the next buyer is looked up. */
  readonly ended: SessionEndReason | null;
}

/**
 * Why an approval session (one buyer, several receipts in a row) ends: the cashier left the approval screen,
 * touched a sale (any sale command, a product scan), or did nothing for the idle timeout. A receipt scanned after
 * that asks for its own buyer: it never lands on the previous one (issue 11, finding 7).
 */
export type SessionEndReason = 'left-screen' | 'sale' | 'idle';

export type FlowEvent =
  | { type: 'open'; qr?: HeldQr }
  /** A receipt scanned outside the approval screen: a new customer, so the flow starts over holding it. */
  | { type: 'open-receipt'; qr: HeldQr }
  | { type: 'identify'; query: string }
  | { type: 'confirm' }
  | { type: 'scan'; qr: HeldQr }
  | { type: 'retry' }
  | { type: 'reset' }
  | { type: 'close' }
  | { type: 'end-session'; reason: SessionEndReason }
  | { type: 'lookup-done'; seq: number; buyer: Buyer }
  | { type: 'lookup-failed'; seq: number; error: ApprovalErrorView; retryable: boolean }
  | { type: 'approve-done'; seq: number; result: ApprovalResultView }
  | { type: 'approve-failed'; seq: number; error: ApprovalErrorView; retryable: boolean };

export interface Step {
  state: FlowState;
  effect: Effect | null;
}

/** An event the current state cannot take; the service turns it into `state.conflict`. */
export class FlowConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlowConflict';
  }
}

export function initialFlowState(seq = 0): FlowState {
  return {
    phase: 'idle',
    busy: false,
    buyer: null,
    pendingQr: null,
    lastResult: null,
    approvedCount: 0,
    error: null,
    retry: null,
    inFlight: null,
    seq,
    ended: null,
  };
}

export function toViewModel(state: FlowState): ApprovalViewModel {
  const buyer: BuyerView | null = state.buyer && {
    name: state.buyer.name,
    customerNoMasked: maskCustomerNo(state.buyer.customerNo),
    emailMasked: state.buyer.emailMasked,
    identifiedBy: state.buyer.identifiedBy,
  };
  return {
    state: state.phase,
    busy: state.busy,
    buyer,
    lastResult: state.lastResult,
    approvedCount: state.approvedCount,
    pendingQr: state.pendingQr !== null,
    canRetry: state.retry !== null && !state.busy,
    error: state.error,
    sessionEnded: state.ended === 'left-screen' ? null : state.ended,
  };
}

const same = (state: FlowState): Step => ({ state, effect: null });

function submit(state: FlowState, buyer: Buyer, qr: HeldQr, afterRetry: boolean): Step {
  const seq = state.seq + 1;
  const effect: Effect = { kind: 'approve', seq, customerNo: buyer.customerNo, qr, afterRetry };
  return {
    state: {
      ...state,
      phase: 'submitting',
      busy: true,
      buyer,
      pendingQr: null,
      lastResult: null,
      error: null,
      retry: null,
      inFlight: effect,
      seq,
      // "The session ended" stays until the cashier looks up the next buyer (or a receipt goes to one).
      ended: null,
    },
    effect,
  };
}

function lookup(state: FlowState, query: BuyerQuery): Step {
  const seq = state.seq + 1;
  const effect: Effect = { kind: 'lookup', seq, query };
  return {
    state: {
      ...state,
      phase: 'identifying',
      busy: true,
      buyer: null,
      lastResult: null,
      approvedCount: 0,
      error: null,
      retry: null,
      inFlight: effect,
      seq,
      // "The session ended" stays until the cashier looks up the next buyer (or a receipt goes to one).
      ended: null,
    },
    effect,
  };
}

function scan(state: FlowState, qr: HeldQr): Step {
  switch (state.phase) {
    case 'idle':
      return same({ ...initialFlowState(state.seq), phase: 'identifying', pendingQr: qr });
    case 'identifying':
    case 'confirm':
      // Held until a buyer is confirmed; a second receipt scanned now replaces the first.
      return same({ ...state, pendingQr: qr });
    case 'ready':
    case 'result':
      if (state.buyer === null) {
        throw new FlowConflict('No buyer is confirmed yet.');
      }
      return submit(state, state.buyer, qr, false);
    case 'submitting':
      throw new FlowConflict('A receipt is being submitted; scan the next one when its answer shows.');
  }
}

function endSession(state: FlowState, reason: SessionEndReason): Step {
  if (state.phase === 'idle') {
    return same(state);
  }
  // Bumping seq drops a lookup or answer still in flight; the buyer and any held receipt are forgotten.
  const fresh = initialFlowState(state.seq + 1);
  // Left the screen: it is closed. Otherwise the screen is still showing: it asks for the next buyer and says why.
  return same(reason === 'left-screen' ? fresh : { ...fresh, phase: 'identifying', ended: reason });
}

/** The next state for an event, and the effect to run (if any). Throws FlowConflict when it cannot be taken. */
export function step(state: FlowState, event: FlowEvent): Step {
  switch (event.type) {
    case 'open':
      if (event.qr !== undefined) {
        return scan(state, event.qr);
      }
      return state.phase === 'idle'
        ? same({ ...initialFlowState(state.seq), phase: 'identifying' })
        : same(state);

    case 'open-receipt':
      if (state.phase === 'submitting') {
        throw new FlowConflict('A receipt is being submitted; wait for its answer.');
      }
      // Bumping seq drops an answer still in flight for the previous customer; their buyer is forgotten, so
      // this receipt can never be registered to them.
      return scan(initialFlowState(state.seq + 1), event.qr);

    case 'identify': {
      if (state.phase === 'submitting') {
        throw new FlowConflict('A receipt is being submitted; wait for its answer.');
      }
      if (state.busy) {
        throw new FlowConflict('The buyer is being looked up; wait for the answer.');
      }
      const query = classifyQuery(event.query);
      if (query.kind === 'receipt') {
        return scan(state, query.qr);
      }
      if (query.kind === 'unrecognised') {
        // Nothing changes but the message: a stray scan must not drop a confirmed buyer.
        const phase = state.phase === 'idle' ? 'identifying' : state.phase;
        const error: ApprovalErrorView = { code: 'unrecognised', message: APPROVAL_TEXT.unrecognised };
        return same({ ...state, phase, error, retry: null });
      }
      // A new buyer (also from ready / result: identifying someone else starts over).
      return lookup(state, query);
    }

    case 'confirm': {
      if (state.phase !== 'confirm' || state.buyer === null) {
        throw new FlowConflict('There is no buyer to confirm.');
      }
      if (state.pendingQr !== null) {
        return submit(state, state.buyer, state.pendingQr, false);
      }
      return same({ ...state, phase: 'ready', error: null, retry: null });
    }

    case 'scan':
      return scan(state, event.qr);

    case 'retry': {
      const failed = state.retry;
      if (failed === null || state.busy) {
        throw new FlowConflict('There is nothing to retry.');
      }
      if (failed.kind === 'lookup') {
        return lookup(state, failed.query);
      }
      if (state.buyer === null) {
        throw new FlowConflict('There is nothing to retry.');
      }
      return submit(state, state.buyer, failed.qr, true);
    }

    case 'reset':
      if (state.phase === 'submitting') {
        throw new FlowConflict('A receipt is being submitted; wait for its answer before a new buyer.');
      }
      // A new buyer; a receipt waiting for a buyer keeps waiting. Bumping seq drops an in-flight lookup.
      return same({
        ...initialFlowState(state.seq + 1),
        phase: 'identifying',
        pendingQr: state.pendingQr,
      });

    case 'close':
      // Always possible; an answer still in flight is then ignored. Everything held is forgotten.
      return same(initialFlowState(state.seq + 1));

    case 'end-session':
      return endSession(state, event.reason);

    case 'lookup-done':
      if (event.seq !== state.seq || state.phase !== 'identifying') {
        return same(state);
      }
      return same({
        ...state,
        phase: 'confirm',
        busy: false,
        buyer: event.buyer,
        error: null,
        retry: null,
        inFlight: null,
      });

    case 'lookup-failed': {
      if (event.seq !== state.seq || state.phase !== 'identifying') {
        return same(state);
      }
      const retry = event.retryable ? state.inFlight : null;
      return same({ ...state, busy: false, error: event.error, retry, inFlight: null });
    }

    case 'approve-done':
      if (event.seq !== state.seq || state.phase !== 'submitting') {
        return same(state);
      }
      return same({
        ...state,
        phase: 'result',
        busy: false,
        lastResult: event.result,
        approvedCount: state.approvedCount + (event.result.ok ? 1 : 0),
        error: null,
        retry: null,
        inFlight: null,
      });

    case 'approve-failed':
      if (event.seq !== state.seq || state.phase !== 'submitting') {
        return same(state);
      }
      return same({
        ...state,
        phase: 'ready',
        busy: false,
        error: event.error,
        retry: event.retryable ? state.inFlight : null,
        inFlight: null,
      });
  }
}
