/**
 * Drives the approval flow (approval-flow.ts) with the Easy Register client. Everything is held in memory:
 * qrData may not be stored (ITC rule), so a failed approveQr is kept for the Retry button and nothing is queued
 * to disk. Every change is published as the whole view-model (`approval:updated`).
 *
 * Log lines name what happened (lookup kind, outcome, error kind) — never the query, the customer code or
 * the qrData.
 */
import type { ApprovalResultView, ApprovalViewModel } from '../../shared/channels/approval';
import { systemClock, type Clock } from '../kernel/clock';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type { EasyRegisterClient } from '../providers/ebarimt';
import { ProviderError } from '../providers/errors';
import { describeFailure, type Failure, type LookupAnswer, lookupBuyer } from './approval-calls';
import {
  FlowConflict,
  HeldQr,
  initialFlowState,
  step,
  toViewModel,
  type Effect,
  type FlowEvent,
  type FlowState,
  type SessionEndReason,
} from './approval-flow';
import { APPROVAL_TEXT } from './approval-query';

export { describeFailure, DOCTOR_HINT } from './approval-calls';

export interface ApprovalServiceDeps {
  /**
   * The Easy Register client for the current settings, asked on every call so a settings or secret change
   * applies at once: `() => providers.clients().then((c) => c.easyRegister)`.
   */
  easyRegister(): Promise<EasyRegisterClient>;
  logger: Logger;
  /** Wire to `events.emit('approval:updated', view)`. */
  emit(view: ApprovalViewModel): void;
  /** Reads the time for the idle timeout (tests pass a fake clock). */
  clock?: Clock;
  /** How long a buyer's session may sit without a cashier action before it ends (default 2 minutes). */
  idleMs?: number;
  /**
   * Runs `check` after `ms` (so an idle screen is cleared without waiting for the next action); returns a cancel.
   * Default: an unref'd setTimeout. The check reads `clock`, so with a fake clock nothing ends before it says so.
   */
  schedule?: (check: () => void, ms: number) => () => void;
}

export const APPROVAL_IDLE_MS = 2 * 60_000;

function scheduleWithTimer(check: () => void, ms: number): () => void {
  const timer = setTimeout(check, ms);
  timer.unref();
  return () => {
    clearTimeout(timer);
  };
}

/** What a scan asks of the flow. */
export type ApprovalScan =
  | { kind: 'open-receipt'; qrData: string }
  | { kind: 'receipt'; qrData: string }
  | { kind: 'identify'; query: string };

function scanEvent(scan: ApprovalScan): FlowEvent {
  switch (scan.kind) {
    case 'open-receipt':
      return { type: 'open-receipt', qr: new HeldQr(scan.qrData) };
    case 'receipt':
      return { type: 'scan', qr: new HeldQr(scan.qrData) };
    case 'identify':
      return { type: 'identify', query: scan.query };
  }
}

export class ApprovalService {
  readonly #deps: ApprovalServiceDeps;
  readonly #logger: Logger;
  #state: FlowState = initialFlowState();
  readonly #clock: Clock;
  readonly #idleMs: number;
  readonly #schedule: (check: () => void, ms: number) => () => void;
  #lastActivity = 0;
  #cancelIdle: () => void = () => undefined;

  constructor(deps: ApprovalServiceDeps) {
    this.#deps = deps;
    this.#logger = deps.logger.child({ component: 'approval' });
    this.#clock = deps.clock ?? systemClock;
    this.#idleMs = deps.idleMs ?? APPROVAL_IDLE_MS;
    this.#schedule = deps.schedule ?? scheduleWithTimer;
  }

  /**
   * End the buyer's session (docs/architecture.md, "Receipts and e-receipt approval"): the cashier left the
   * approval screen or touched a sale (the composition root calls this), or the idle timeout passed. Nothing
   * happens when no session is open. Never throws: it is called on the way to other commands.
   */
  endSession(reason: SessionEndReason): void {
    if (this.#state.phase === 'idle') {
      return;
    }
    this.#logger.info({ reason, phase: this.#state.phase }, 'approval: session ended');
    this.#apply({ type: 'end-session', reason });
  }

  /** The idle timeout, checked before every cashier action and by the timer. */
  #endIfIdle(): void {
    const { phase, busy } = this.#state;
    if (phase === 'idle' || busy || this.#state.ended !== null) {
      return;
    }
    if (this.#clock.now() - this.#lastActivity >= this.#idleMs) {
      this.endSession('idle');
    }
  }

  /** A cashier action or an answer arrived: the idle timeout starts again. */
  #touch(): void {
    this.#lastActivity = this.#clock.now();
    this.#cancelIdle();
    this.#cancelIdle =
      this.#state.phase === 'idle'
        ? () => undefined
        : this.#schedule(() => {
            this.#endIfIdle();
          }, this.#idleMs);
  }

  view(): ApprovalViewModel {
    return toViewModel(this.#state);
  }

  /** Open the screen; with qrData (a receipt scanned on an idle screen) the receipt waits for the buyer. */
  start(qrData?: string): Promise<ApprovalViewModel> {
    return this.#dispatch(qrData === undefined ? { type: 'open' } : { type: 'open', qr: new HeldQr(qrData) });
  }

  identify(query: string): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'identify', query });
  }

  confirm(): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'confirm' });
  }

  scanReceipt(qrData: string): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'scan', qr: new HeldQr(qrData) });
  }

  /**
   * A scan the scan router hands over: applied now, its lookup or approveQr left running (the answer arrives as
   * approval:updated), so the scanner never waits on eBarimt and the next scan sees the new state
   * (docs/architecture.md §10). A receipt scanned on another screen starts over with a new buyer. Throws
   * state.conflict when the flow cannot take it (a lookup or a receipt in flight).
   */
  takeScan(scan: ApprovalScan): void {
    const effect = this.#apply(scanEvent(scan));
    if (effect !== null) {
      this.#run(effect).catch((error: unknown) => {
        this.#logger.error(
          { err: error instanceof Error ? error.name : typeof error },
          'approval: a scanned step failed',
        );
      });
    }
  }

  retry(): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'retry' });
  }

  reset(): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'reset' });
  }

  close(): Promise<ApprovalViewModel> {
    return this.#dispatch({ type: 'close' });
  }

  /** Apply a cashier action, run its effect (if any) to completion, and answer with the view as it then is. */
  async #dispatch(event: FlowEvent): Promise<ApprovalViewModel> {
    const effect = this.#apply(event);
    if (effect !== null) {
      await this.#run(effect);
    }
    return this.view();
  }

  #apply(event: FlowEvent): Effect | null {
    const cashierAction = ![
      'end-session',
      'lookup-done',
      'lookup-failed',
      'approve-done',
      'approve-failed',
    ].includes(event.type);
    if (cashierAction) {
      // A receipt scanned after the timeout must not land on the buyer who left: the session ends first.
      this.#endIfIdle();
    }
    let next;
    try {
      next = step(this.#state, event);
    } catch (error) {
      if (error instanceof FlowConflict) {
        throw new KassaError('state.conflict', error.message);
      }
      throw error;
    }
    if (next.state !== this.#state) {
      this.#state = next.state;
      this.#deps.emit(this.view());
    }
    if (event.type !== 'end-session') {
      this.#touch();
    } else {
      this.#cancelIdle();
    }
    return next.effect;
  }

  async #run(effect: Effect): Promise<void> {
    if (effect.kind === 'lookup') {
      await this.#runLookup(effect);
    } else {
      await this.#runApprove(effect);
    }
  }

  async #runLookup(effect: Extract<Effect, { kind: 'lookup' }>): Promise<void> {
    const { seq } = effect;
    let answer: LookupAnswer;
    try {
      answer = await lookupBuyer(await this.#deps.easyRegister(), effect.query);
    } catch (error) {
      answer = this.#failed('lookup', error);
    }
    if ('buyer' in answer) {
      this.#logger.info({ by: effect.query.kind, found: true }, 'approval: buyer found');
      this.#apply({ type: 'lookup-done', seq, buyer: answer.buyer });
    } else {
      this.#logger.info({ by: effect.query.kind, code: answer.error.code }, 'approval: buyer lookup failed');
      this.#apply({ type: 'lookup-failed', seq, error: answer.error, retryable: answer.retryable });
    }
  }

  async #runApprove(effect: Extract<Effect, { kind: 'approve' }>): Promise<void> {
    const { seq, afterRetry } = effect;
    try {
      const client = await this.#deps.easyRegister();
      const answer = await client.approveQr({ customerNo: effect.customerNo, qrData: effect.qr.digits() });
      const result: ApprovalResultView = {
        outcome: answer.outcome,
        ok: answer.ok,
        message:
          afterRetry && answer.outcome === 'alreadyApproved'
            ? APPROVAL_TEXT.alreadyApprovedAfterRetry
            : answer.message,
        code: answer.answer.code,
        afterRetry,
      };
      this.#logger.info({ outcome: result.outcome, afterRetry }, 'approval: receipt answered');
      this.#apply({ type: 'approve-done', seq, result });
    } catch (error) {
      const failure = this.#failed('approveQr', error);
      this.#apply({ type: 'approve-failed', seq, error: failure.error, retryable: failure.retryable });
    }
  }

  #failed(op: 'lookup' | 'approveQr', error: unknown): Failure {
    const failure = describeFailure(error);
    const kind =
      error instanceof ProviderError ? error.kind : error instanceof KassaError ? error.code : 'other';
    // Only the classification: error objects are not logged whole, so nothing they might carry leaks.
    const line = { op, code: failure.error.code, kind, retryable: failure.retryable };
    if (failure.error.code === 'internal') {
      this.#logger.error(
        { ...line, name: error instanceof Error ? error.name : typeof error },
        'approval: failed',
      );
    } else {
      this.#logger.warn(line, 'approval: failed');
    }
    return failure;
  }
}
