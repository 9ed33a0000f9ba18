import { describe, expect, it } from 'vitest';
import { JOURNAL_PAGE_DEFAULT, type JournalSaleSummary } from '../../../shared/channels/journal';
import { installFakeKassa } from '../testing/fake-kassa';
import { useJournalStore } from './journal';

const T0 = Date.UTC(2026, 10, 23, 9);

function summary(n: number): JournalSaleSummary {
  return {
    id: `S${n}`,
    number: n,
    status: 'paid',
    currency: 'MNT',
    total: 4500,
    paid: 4500,
    createdAt: T0 + n * 1000,
    payments: [],
    refunded: 0,
    refund: 'none',
    cursor: `${T0 + n * 1000}.${n}`,
  };
}

describe('the journal screen pages a day', () => {
  it('loads the first page, asks for the next one after the last sale shown, and lists another day', async () => {
    const all = Array.from({ length: JOURNAL_PAGE_DEFAULT + 3 }, (_, i) =>
      summary(JOURNAL_PAGE_DEFAULT + 3 - i),
    );
    const { calls } = installFakeKassa({
      'journal:list': (input) => {
        const { cursor, day } = input as { cursor?: string; day?: number };
        if (day !== undefined) {
          return { ok: true, value: [summary(1)] };
        }
        const from = cursor === undefined ? 0 : all.findIndex((s) => s.cursor === cursor) + 1;
        return { ok: true, value: all.slice(from, from + JOURNAL_PAGE_DEFAULT) };
      },
      'payment:methods': () => ({ ok: true, value: [] }),
    });
    const store = useJournalStore.getState;
    await store().load();
    expect(store().sales).toHaveLength(JOURNAL_PAGE_DEFAULT);
    expect(store().hasMore).toBe(true);
    await store().loadMore();
    expect(
      store()
        .sales.map((s) => s.number)
        .slice(-3),
    ).toEqual([3, 2, 1]);
    expect(store().hasMore).toBe(false);
    const lists = calls.filter((c) => c.channel === 'journal:list').map((c) => c.input);
    expect(lists).toEqual([{}, { cursor: all[JOURNAL_PAGE_DEFAULT - 1]?.cursor }]);

    await store().showDay(T0);
    expect(store().sales.map((s) => s.id)).toEqual(['S1']);
    expect(calls.at(-2)).toMatchObject({ channel: 'journal:list', input: { day: T0 } });
  });
});
