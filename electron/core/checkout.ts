/**
 * Checkout ties a sale to its payments: how much a new payment may be for (split payments: several methods,
 * each for part of the total; never more than what is not yet paid or pending) and cash change. The sale moves
 * to `paying` in the payment's first commit (sales/payment-effects.ts), which checks the same limits again
 * inside the transaction. What is still due is read inside the sale's start queue (engine.startFor), after
 * every earlier start of the sale has been committed: twenty presses at once make one payment.
 */
import { formatMoney, maxAmount, money, withinLimit } from '../../shared/money';
import { KassaError } from '../kernel/errors';
import type { ParsedInput } from '../../shared/contract';
import { RETRYABLE_STATES } from '../payments/attempts';
import type { PaymentEngine, StartPaymentRequest } from '../payments/engine';
import type { PaymentCheckout } from '../payments/handlers';
import type { Sale } from '../../shared/domain';
import { assertReceiptCodes } from '../receipts/receipt-lines';
import type { SaleService } from '../sales/service';

export interface CheckoutDeps {
  sales: SaleService;
  engine: PaymentEngine;
  /** Whether the sale will get a tax receipt (receipts/receipt-service.ts); absent: never. */
  receiptsNeeded?: ((sale: Sale) => boolean) | undefined;
}

export function createCheckout(deps: CheckoutDeps): PaymentCheckout {
  return {
    async retryPayment(paymentId) {
      let previous = deps.engine.get(paymentId);
      if (previous.state === 'unknown') {
        // A start without an answer: close it first (a QR nobody saw is withdrawn at once; a phone invoice or a
        // loan needs the bank's word, else this refuses and a manager resolves it — docs/payment-outcomes.md).
        previous = await deps.engine.cancel(paymentId);
      }
      if (!RETRYABLE_STATES.includes(previous.state)) {
        throw new KassaError('state.conflict', `A ${previous.state} payment cannot be tried again.`);
      }
      const view = deps.sales.checkPayable(previous.saleId);
      if (previous.amount.amount > view.available) {
        throw new KassaError(
          'state.conflict',
          `Only ${view.available} is left to pay; start a new payment instead.`,
        );
      }
      return deps.engine.retry(paymentId);
    },

    startPayment(input) {
      return deps.engine.startFor(input.saleId, () => startRequest(input));
    },
  };

  /** The attempt's request from the sale as it is now; throws when the sale cannot take it. */
  function startRequest(input: ParsedInput<'payment:start'>): StartPaymentRequest {
    const view = deps.sales.checkPayable(input.saleId);
    const { sale, available } = view;
    // A line its receipt would refuse is refused now, before the customer pays, not after (receipt-lines.ts).
    if (deps.receiptsNeeded?.(sale) === true) {
      assertReceiptCodes(sale);
    }
    if (available <= 0) {
      throw new KassaError(
        'state.conflict',
        view.pending > 0 ? 'A payment is still waiting for the customer.' : 'This sale is already paid.',
      );
    }
    let amount = input.amount ?? available;
    if (input.method === 'cash') {
      // Cash without an amount: the customer's money pays as much as it covers; the rest is change.
      amount = input.amount ?? Math.min(input.tendered ?? available, available);
      if (input.tendered !== undefined && input.tendered < amount) {
        throw new KassaError('validation', 'The cash handed over is less than the amount to pay.');
      }
      if (input.tendered !== undefined && !withinLimit(input.tendered, sale.currency)) {
        const limit = formatMoney(money(maxAmount(sale.currency), sale.currency));
        throw new KassaError('validation', `The cash handed over is more than ${limit}.`, {
          issues: [{ path: 'tendered', message: `at most ${limit}` }],
        });
      }
    } else if (input.tendered !== undefined) {
      throw new KassaError('validation', 'Only cash payments take a tendered amount.');
    }
    if (amount > available) {
      throw new KassaError('validation', `At most ${available} is left to pay on this sale.`);
    }
    if (input.method === 'socialpay.phone' && input.phone === undefined) {
      throw new KassaError('validation', "An invoice to a phone needs the customer's phone number.");
    }
    return {
      saleId: sale.id,
      method: input.method,
      amount: money(amount, sale.currency),
      description: `Sale #${sale.number}`,
      lines: sale.lines.map((l, i) => ({
        name: l.name,
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        total: money(sale.totals.lines[i]?.total ?? 0, sale.currency),
      })),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.method === 'cash' && input.tendered !== undefined ? { tendered: input.tendered } : {}),
    };
  }
}
