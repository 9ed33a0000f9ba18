import { beforeEach, describe, expect, it } from 'vitest';
import type { SaleView } from '../../../shared/channels/sale';
import type { ScanOutcome } from '../../../shared/channels/scan';
import { computeSaleTotals, type Line } from '../../../shared/domain';
import { useAppStore } from '../stores/app';
import { useSaleStore } from '../stores/sale';
import { useScanStore } from '../stores/scan';
import { applyScanOutcome } from './follow-outcomes';

const line = (id: string): Line => ({
  id,
  name: 'Талх',
  unitPrice: { amount: 2800, currency: 'MNT' },
  measure: 'each',
  quantity: 1,
  discount: null,
  vatBasisPoints: 1000,
  cityTaxBasisPoints: 0,
});

function view(lines: Line[]): SaleView {
  const base = { currency: 'MNT' as const, lines, discount: null };
  return {
    sale: {
      ...base,
      id: 'S2',
      number: 2,
      status: 'open',
      totals: computeSaleTotals(base),
      createdAt: 0,
      updatedAt: 0,
    },
    payments: [],
    paid: 0,
    refunded: 0,
    refund: 'none',
    pending: 0,
    due: 0,
    available: 0,
    change: 0,
  };
}

const base = { seq: 1, source: 'hid', kind: 'ean13' } as const;

beforeEach(() => {
  useAppStore.setState({ tab: 'journal' });
  useSaleStore.setState({ view: view([line('L1'), line('L2')]), step: 'receipt', selectedLineId: 'L1' });
  useScanStore.setState({ entry: '3*', notice: { kind: 'unsent', code: 'internal' }, dialogs: 0 });
});

describe('applyScanOutcome', () => {
  it('a line added: the sale step, the line selected, the used N* and the old message gone', () => {
    const outcome: ScanOutcome = {
      ...base,
      result: 'line-added',
      saleId: 'S2',
      lineId: 'L2',
      multiplier: 3,
      navigate: 'sale',
    };
    applyScanOutcome(outcome);
    expect(useAppStore.getState().tab).toBe('sale');
    expect(useSaleStore.getState()).toMatchObject({ step: 'sale', selectedLineId: 'L2' });
    expect(useScanStore.getState()).toMatchObject({ entry: '', notice: null });
  });

  it('a line added without a multiplier leaves what the cashier typed', () => {
    useScanStore.setState({ entry: '12' });
    applyScanOutcome({
      ...base,
      result: 'line-added',
      saleId: 'S2',
      lineId: 'L1',
      multiplier: null,
      navigate: 'sale',
    });
    expect(useScanStore.getState().entry).toBe('12');
  });

  it('approval: its screen opens', () => {
    applyScanOutcome({
      ...base,
      kind: 'ebarimt-qr',
      result: 'approval',
      step: 'opened',
      navigate: 'approval',
    });
    expect(useAppStore.getState().tab).toBe('approval');
    expect(useScanStore.getState().notice).toBeNull();
  });

  it('a refusal changes nothing but the message', () => {
    applyScanOutcome({ ...base, result: 'refused', error: { code: 'dialog-open' }, navigate: null });
    expect(useAppStore.getState().tab).toBe('journal');
    expect(useSaleStore.getState()).toMatchObject({ step: 'receipt', selectedLineId: 'L1' });
    expect(useScanStore.getState()).toMatchObject({
      entry: '3*',
      notice: { kind: 'refused', error: { code: 'dialog-open' } },
    });
  });
});
