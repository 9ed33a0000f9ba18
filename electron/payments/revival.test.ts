import { describe, expect, it } from 'vitest';
import type { Payment } from '../../shared/domain';
import { revivedPatch } from './revival';

const unknown: Payment = {
  id: 'p1',
  saleId: 'S1',
  attempt: 1,
  method: 'pocket.qr',
  amount: { amount: 4500, currency: 'MNT' },
  state: 'unknown',
  idempotencyKey: 'S1A1',
  createdAt: 0,
  updatedAt: 0,
  refundedAmount: 0,
  refunds: [],
};

describe('revivedPatch (a late answer keeps what the bank named)', () => {
  it('adds the provider reference, QR and link the payment lacks', () => {
    expect(revivedPatch(unknown, { status: 'pending', providerRef: '991', qr: 'q', deeplink: 'd' })).toEqual({
      providerRef: '991',
      qr: 'q',
      deeplink: 'd',
    });
  });

  it('never replaces what the payment already has, and adds nothing without an answer', () => {
    const known = { ...unknown, providerRef: 'mine', qr: 'kept' };
    expect(revivedPatch(known, { status: 'pending', providerRef: 'other', qr: 'other' })).toEqual({});
    expect(revivedPatch(unknown, undefined)).toEqual({});
    expect(revivedPatch(unknown, { status: 'pending' })).toEqual({});
  });
});
