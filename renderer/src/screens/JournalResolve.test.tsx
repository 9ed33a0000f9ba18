/**
 * The journal's manager resolution of a stuck payment (docs/payment-outcomes.md): a cashier pressing Resolve
 * is asked for a manager; a manager records paid with the portal's approval code and a reason; a resolved
 * payment shows who resolved it and why.
 */
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/channels/sale';
import type { SessionView } from '../../../shared/channels/session';
import { computeSaleTotals, type Payment } from '../../../shared/domain';
import { createCashierI18n } from '../i18n';
import { useJournalStore } from '../stores/journal';
import { useSessionStore } from '../stores/session';
import { installFakeKassa, type FakeHandlers } from '../testing/fake-kassa';
import { JournalScreen } from './JournalScreen';
import { typeInto } from '../testing/type-into';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const CASHIER: SessionView = {
  role: 'cashier',
  manager: null,
  expiresAt: null,
  managersExist: true,
  canCreateFirstManager: false,
};
const MANAGER: SessionView = { ...CASHIER, role: 'manager', manager: { name: 'Oyuna' }, expiresAt: null };

const STUCK: Payment = {
  id: 'P1',
  saleId: 'S1',
  attempt: 1,
  method: 'socialpay.phone',
  amount: { amount: 4500, currency: 'MNT' },
  state: 'unknown',
  idempotencyKey: 'S1A1',
  createdAt: 0,
  updatedAt: 0,
  refundedAmount: 0,
  refunds: [],
};

function view(payment: Payment): SaleView {
  const base = { currency: 'MNT' as const, lines: [], discount: null };
  return {
    sale: {
      ...base,
      id: 'S1',
      number: 1,
      status: 'paying',
      totals: computeSaleTotals(base),
      createdAt: 0,
      updatedAt: 0,
    },
    payments: [payment],
    paid: 0,
    pending: 4500,
    due: 4500,
    available: 0,
    change: 0,
    refunded: 0,
    refund: 'none',
  };
}

let container: HTMLDivElement;
let root: Root;

const byTestId = (id: string): HTMLElement | null => container.querySelector(`[data-testid="${id}"]`);

async function render(handlers: FakeHandlers, session: SessionView, payment: Payment) {
  const fake = installFakeKassa({
    'journal:list': () => ({ ok: true, value: [] }),
    'payment:methods': () => ({ ok: true, value: [] }),
    'session:status': () => ({ ok: true, value: session }),
    ...handlers,
  });
  useSessionStore.setState({ view: session, lastError: null, busy: false });
  useJournalStore.setState({ selected: view(payment), sales: [], methods: [], lastError: null, busy: false });
  await act(async () => {
    root.render(
      <I18nextProvider i18n={createCashierI18n('en')}>
        <JournalScreen />
      </I18nextProvider>,
    );
    await Promise.resolve();
  });
  return fake;
}

async function click(id: string): Promise<void> {
  await act(async () => {
    (byTestId(id) as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
});
afterEach(() => {
  unmountTestRoot(root, container);
});

describe('journal: resolving a stuck payment', () => {
  it('a cashier pressing Resolve is asked for a manager', async () => {
    await render({}, CASHIER, STUCK);
    await click('journal-resolve');
    expect(byTestId('manager-sign-in-reason')?.textContent).toBe('Only a manager can resolve a payment.');
    expect(byTestId('resolve-dialog')).toBeNull();
  });

  it('a manager records paid with the approval code and a reason', async () => {
    const resolved: Payment = {
      ...STUCK,
      state: 'paid',
      resolution: {
        by: 'Oyuna',
        at: 0,
        outcome: 'paid',
        approvalCode: 'A1B2',
        reason: 'Portal shows it paid',
      },
    };
    const { calls } = await render(
      {
        'payment:resolve': () => ({ ok: true, value: resolved }),
        'journal:get': () => ({ ok: true, value: view(resolved) }),
      },
      MANAGER,
      STUCK,
    );
    await click('journal-resolve');
    expect(byTestId('resolve-dialog')).not.toBeNull();
    await click('resolve-paid');
    expect((byTestId('resolve-confirm') as HTMLButtonElement).disabled).toBe(true);
    await act(async () => {
      typeInto(byTestId('resolve-approval-code') as HTMLInputElement, 'A1B2');
      typeInto(byTestId('resolve-reason') as HTMLInputElement, 'Portal shows it paid');
      await Promise.resolve();
    });
    await click('resolve-confirm');
    expect(calls.filter((c) => c.channel === 'payment:resolve').map((c) => c.input)).toEqual([
      { paymentId: 'P1', outcome: 'paid', approvalCode: 'A1B2', reason: 'Portal shows it paid' },
    ]);
    expect(byTestId('resolve-dialog')).toBeNull();
    expect(byTestId('journal-resolution')?.textContent).toContain(
      'Resolved as paid by Oyuna (approval A1B2): Portal shows it paid',
    );
    expect(byTestId('journal-resolve')).toBeNull();
  });
});
