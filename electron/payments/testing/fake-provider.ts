/**
 * A scriptable PaymentProvider for engine tests: it keeps invoices by idempotency key like a real bank would,
 * counts every call, and can pay after N polls, decline, never finish, or fail a start in the two ways that
 * matter (never reached vs. may have reached).
 */
import type { Money } from '../../../shared/money';
import type { Clock } from '../../kernel/clock';
import { ProviderError } from '../../providers/errors';
import type {
  PaymentCapabilities,
  PaymentProvider,
  PaymentRef,
  ProviderPaymentStatus,
  StartRequest,
  StartResult,
  StatusResult,
} from '../provider';

export interface FakeScript {
  /**
   * How start behaves: 'ok'; 'timeout' = the invoice IS created but the answer is lost (timeout,
   * mayHaveReachedProvider); 'lost' = timeout but the invoice was never created; 'refused' = connection refused
   * (never reached); 'rejected' = the provider answered with an error.
   */
  start: 'ok' | 'timeout' | 'lost' | 'refused' | 'rejected';
  /** Status returns 'paid' on this poll (1-based) of an invoice; undefined = never by itself. */
  payAfterPolls?: number;
  /** Status returns 'declined' on this poll. */
  declineAfterPolls?: number;
  /** Every status call throws this (until cleared). */
  statusError?: ProviderError;
  /** Invoices expire this long after creation (reported in StartResult.expiresAt). */
  expiresInMs?: number;
  refundError?: ProviderError;
  /** The refund is made, then its answer is lost (the call fails with a timeout). */
  refundAnswerLost?: boolean;
}

interface Invoice {
  request: StartRequest;
  status: ProviderPaymentStatus;
  polls: number;
  refunded: number;
  /** Refund keys already carried out: the same key again is answered without refunding again. */
  refundKeys: Set<string>;
}

export class FakePaymentProvider implements PaymentProvider {
  readonly id: string;
  readonly displayName = 'Fake Bank';
  readonly capabilities: PaymentCapabilities;
  script: FakeScript = { start: 'ok' };
  readonly invoices = new Map<string, Invoice>();
  readonly calls = {
    start: [] as StartRequest[],
    status: [] as number[],
    cancel: [] as string[],
    refund: [] as string[],
  };
  readonly #clock: Clock;

  constructor(clock: Clock, options: { id?: string; capabilities?: Partial<PaymentCapabilities> } = {}) {
    this.#clock = clock;
    this.id = options.id ?? 'fake';
    this.capabilities = {
      qr: true,
      deeplink: true,
      phoneInvoice: false,
      refund: true,
      partialRefund: true,
      cancel: true,
      settle: false,
      smsStep: false,
      ...options.capabilities,
    };
  }

  /** The customer pays from their phone (a test's "sandbox: customer pays"). */
  pay(idempotencyKey: string): void {
    this.#invoice(idempotencyKey).status = 'paid';
  }

  start(request: StartRequest): Promise<StartResult> {
    this.calls.start.push(request);
    const { start } = this.script;
    if (start === 'refused') {
      return Promise.reject(this.#error('network', 'connection refused', false));
    }
    if (start === 'rejected') {
      return Promise.reject(this.#error('rejected', 'amount is not allowed', true));
    }
    if (start !== 'lost') {
      this.invoices.set(request.idempotencyKey, {
        request,
        status: 'pending',
        polls: 0,
        refunded: 0,
        refundKeys: new Set<string>(),
      });
    }
    if (start === 'timeout' || start === 'lost') {
      return Promise.reject(this.#error('timeout', 'the bank did not answer in time', true));
    }
    return Promise.resolve({
      providerRef: `ref-${request.idempotencyKey}`,
      qr: `fakepay://${request.idempotencyKey}`,
      ...(this.script.expiresInMs !== undefined
        ? { expiresAt: this.#clock.now() + this.script.expiresInMs }
        : {}),
    });
  }

  status(ref: PaymentRef): Promise<StatusResult> {
    this.calls.status.push(this.#clock.now());
    if (this.script.statusError) {
      return Promise.reject(this.script.statusError);
    }
    const invoice = this.invoices.get(ref.idempotencyKey);
    if (!invoice) {
      return Promise.resolve({ status: 'not_found' });
    }
    invoice.polls += 1;
    if (invoice.status === 'pending' && invoice.polls === this.script.payAfterPolls) {
      invoice.status = 'paid';
    }
    if (invoice.status === 'pending' && invoice.polls === this.script.declineAfterPolls) {
      invoice.status = 'declined';
      return Promise.resolve({ status: 'declined', reason: 'insufficient funds' });
    }
    return Promise.resolve({ status: invoice.status, raw: { polls: invoice.polls } });
  }

  cancel(ref: PaymentRef): Promise<void> {
    this.calls.cancel.push(ref.idempotencyKey);
    const invoice = this.invoices.get(ref.idempotencyKey);
    if (invoice?.status === 'pending') {
      invoice.status = 'cancelled';
    }
    return Promise.resolve();
  }

  refund(ref: PaymentRef, amount: Money, refundKey: string): Promise<void> {
    this.calls.refund.push(refundKey);
    if (this.script.refundError) {
      return Promise.reject(this.script.refundError);
    }
    const invoice = this.#invoice(ref.idempotencyKey);
    if (!invoice.refundKeys.has(refundKey)) {
      invoice.refundKeys.add(refundKey);
      invoice.refunded += amount.amount;
    }
    if (this.script.refundAnswerLost) {
      return Promise.reject(this.#error('timeout', 'the refund answer was lost', true));
    }
    return Promise.resolve();
  }

  /** What the bank has refunded on the payment (refund-flow.ts settles lost answers by it). */
  refundedAmount(ref: PaymentRef): Promise<number> {
    return Promise.resolve(this.#invoice(ref.idempotencyKey).refunded);
  }

  #invoice(key: string): Invoice {
    const invoice = this.invoices.get(key);
    if (!invoice) {
      throw new Error(`fake provider: no invoice ${key}`);
    }
    return invoice;
  }

  #error(kind: ProviderError['kind'], message: string, mayHaveReachedProvider: boolean): ProviderError {
    return new ProviderError({ provider: this.id, kind, message, mayHaveReachedProvider });
  }
}
