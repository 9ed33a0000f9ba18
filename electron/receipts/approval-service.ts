/**
 * Drives the approval flow (approval-flow.ts) with the Easy Register client. Everything is held in memory:
 * qrData may not be stored (ITC rule), so a failed approveQr is kept for the Retry button and nothing is queued
 * to disk. Every change is published as the whole view-model (`approval:updated`).
 *
 * Log lines name what happened (lookup kind, outcome, error kind) — never the query, the customer code or
 * the qrData.
 */
import type {
  ApprovalErrorView,
  ApprovalResultView,
  ApprovalViewModel,
} from '../../shared/channels/approval';
import { KassaError } from '../kernel/errors';
import type { Logger } from '../log/logger';
import type { EasyRegisterClient } from '../providers/ebarimt';
import { ProviderError } from '../providers/errors';
import {
  APPROVAL_TEXT,
  FlowConflict,
  HeldQr,
  initialFlowState,
  step,
  toViewModel,
  type Buyer,
  type BuyerQuery,
  type Effect,
  type FlowEvent,
  type FlowState,
} from './approval-flow';

export interface ApprovalServiceDeps {
  /**
   * The Easy Register client for the current settings, asked on every call so a settings or secret change
   * applies at once: `() => providers.clients().then((c) => c.easyRegister)`.
   */
  easyRegister(): Promise<EasyRegisterClient>;
  logger: Logger;
  /** Wire to `events.emit('approval:updated', view)`. */
  emit(view: ApprovalViewModel): void;
}

export const DOCTOR_HINT = 'kassa doctor';

const CALL_SUPPORT = {
  mn: 'Техникийн дэмжлэгт хандана уу.',
  en: 'Call support.',
} as const;

const FAILURE_TEXT = {
  network: {
    mn: 'И-баримтын системтэй холбогдож чадсангүй. Интернэт холболтоо шалгаад «Дахин оролдох» товчийг дарна уу.',
    en: 'Could not reach eBarimt. Check the internet connection and press Retry.',
  },
  timeout: {
    mn: 'И-баримтын систем хариу өгсөнгүй. «Дахин оролдох» товчийг дарна уу.',
    en: 'eBarimt did not answer in time. Press Retry.',
  },
  token: {
    mn: 'И-баримтын нэвтрэх эрх хүлээн авагдсангүй.',
    en: 'The eBarimt sign-in was refused.',
  },
  config: {
    mn: 'Энэ кассын И-баримтын тохиргоо дутуу байна (нэр эсвэл нууц үг).',
    en: 'eBarimt is not fully set up on this till (username or password).',
  },
  unexpected: {
    mn: 'И-баримтын системээс ойлгомжгүй хариу ирлээ. «Дахин оролдох» товчийг дарна уу; давтагдвал техникийн дэмжлэгт хандана уу.',
    en: 'eBarimt gave an answer Kassa could not read. Press Retry; if it keeps happening, call support.',
  },
  rejected: {
    mn: 'И-баримтын систем хүсэлтийг хүлээж авсангүй. Техникийн дэмжлэгт хандана уу.',
    en: 'eBarimt refused the request. Call support.',
  },
  internal: {
    mn: 'Kassa-д алдаа гарлаа. Дэлгэрэнгүйг логоос харна уу.',
    en: 'Something went wrong inside Kassa. The details are in the log.',
  },
} as const;

interface Failure {
  error: ApprovalErrorView;
  retryable: boolean;
}

function withCallSupport(text: { mn: string; en: string }): { mn: string; en: string } {
  return { mn: `${text.mn} ${CALL_SUPPORT.mn}`, en: `${text.en} ${CALL_SUPPORT.en}` };
}

/** A thrown error → what the cashier sees, and whether Retry may repeat the call. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof ProviderError) {
    switch (error.kind) {
      case 'network':
        return { error: { code: 'network', message: FAILURE_TEXT.network }, retryable: true };
      case 'timeout':
        return { error: { code: 'network', message: FAILURE_TEXT.timeout }, retryable: true };
      case 'auth': {
        const mn = error.messages.mn;
        const en = error.messages.en;
        const text = mn !== undefined && en !== undefined ? { mn, en } : FAILURE_TEXT.token;
        return {
          error: { code: 'token', message: withCallSupport(text), hint: DOCTOR_HINT },
          retryable: false,
        };
      }
      case 'unexpected':
        return {
          error: { code: 'provider', message: FAILURE_TEXT.unexpected, hint: DOCTOR_HINT },
          retryable: true,
        };
      case 'rejected':
        return {
          error: { code: 'provider', message: FAILURE_TEXT.rejected, hint: DOCTOR_HINT },
          retryable: false,
        };
    }
  }
  if (error instanceof KassaError) {
    return {
      error: { code: 'config', message: withCallSupport(FAILURE_TEXT.config), hint: DOCTOR_HINT },
      retryable: false,
    };
  }
  return { error: { code: 'internal', message: FAILURE_TEXT.internal }, retryable: false };
}

type LookupAnswer = { buyer: Buyer } | Failure;

async function lookupBuyer(client: EasyRegisterClient, query: BuyerQuery): Promise<LookupAnswer> {
  if (query.kind === 'regno') {
    const found = await client.lookupByRegNo(query.regNo);
    if (!found.found) {
      return { error: { code: 'citizen-not-found', message: found.message }, retryable: false };
    }
    const { citizen } = found;
    return {
      buyer: {
        customerNo: citizen.customerNo,
        name: `${citizen.familyName} ${citizen.givenName}`.trim(),
        emailMasked: null,
        identifiedBy: 'regno',
      },
    };
  }
  const profile = await client.getProfile(
    query.kind === 'phone' ? { phoneNum: query.phoneNum } : { customerNo: query.customerNo },
  );
  switch (profile.outcome) {
    case 'found':
      return {
        buyer: {
          customerNo: profile.customerNo,
          name: null,
          emailMasked: profile.emailMasked,
          identifiedBy: query.kind,
        },
      };
    case 'userNotFound':
      return query.kind === 'phone'
        ? {
            error: { code: 'phone-not-registered', message: APPROVAL_TEXT.phoneNotRegistered },
            retryable: false,
          }
        : {
            error: { code: 'customer-not-found', message: APPROVAL_TEXT.customerNotFound },
            retryable: false,
          };
    case 'userDuplicate':
      return { error: { code: 'phone-shared', message: profile.message }, retryable: false };
    case 'invalidData':
    case 'emptyField':
      return { error: { code: 'invalid-query', message: profile.message }, retryable: false };
    case 'status500':
      return { error: { code: 'provider', message: profile.message, hint: DOCTOR_HINT }, retryable: true };
    // Not answers getProfile should give (or emailNotFound without a usable code): show ITC's text.
    case 'alreadyApproved':
    case 'b2bNotAccepted':
    case 'emailNotFound':
    case 'invalidQr':
    case 'status100':
    case 'status201':
    case 'unknown':
      return { error: { code: 'provider', message: profile.message, hint: DOCTOR_HINT }, retryable: false };
  }
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

  constructor(deps: ApprovalServiceDeps) {
    this.#deps = deps;
    this.#logger = deps.logger.child({ component: 'approval' });
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
