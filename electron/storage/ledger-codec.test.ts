import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent } from './ledger-codec';
import type { LedgerEvent } from './ledger-events';

const EVENTS: LedgerEvent[] = [
  { type: 'sale', saleId: 'S1', what: 'opened', from: null, to: 'open', currency: 'MNT', total: 0 },
  {
    type: 'sale',
    saleId: 'S1',
    what: 'line.added',
    from: 'open',
    to: 'open',
    currency: 'MNT',
    total: 4500,
    lineId: 'L1',
    code: '8650001000015',
    quantity: 1,
  },
  {
    type: 'sale',
    saleId: 'S1',
    what: 'line.removed',
    from: 'paying',
    to: 'open',
    currency: 'MNT',
    total: 0,
    lineId: 'L1',
  },
  {
    type: 'sale',
    saleId: 'S1',
    what: 'receipt',
    from: 'paid',
    to: 'paid',
    currency: 'MNT',
    total: 4500,
    receipt: 'issued',
  },
  {
    type: 'payment',
    paymentId: 'p1',
    saleId: 'S1',
    method: 'socialpay.qr',
    from: null,
    to: 'created',
    currency: 'MNT',
    amount: 4500,
  },
  {
    type: 'payment',
    paymentId: 'p1',
    saleId: 'S1',
    method: 'cash',
    from: 'refunding',
    to: 'refunded',
    currency: 'MNT',
    amount: 4500,
    refund: 2000,
  },
  { type: 'shift', shiftId: 'shift1', from: null, to: 'open' },
  { type: 'drawer', by: 'Manager Bold', reason: 'change for the next till' },
];

describe('event codec', () => {
  it('round-trips every kind of event, with and without its optional fields', () => {
    for (const event of EVENTS) {
      expect(decodeEvent(encodeEvent(event))).toEqual(event);
    }
  });

  it('keeps events small: positional, no field names', () => {
    // The object form of this event is about 150 characters of JSON.
    expect(JSON.stringify(encodeEvent(EVENTS[1] as LedgerEvent)).length).toBeLessThan(80);
  });

  it('refuses a stored value that is not an event', () => {
    expect(() => decodeEvent({ type: 'sale' })).toThrow();
    expect(() => decodeEvent(['x', 'S1'])).toThrow();
    expect(() => decodeEvent(['p', 'p1', 'S1', 'cash', null, 'teleported', 'MNT', 1])).toThrow();
  });
});
