import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EbarimtSettingsSchema } from '../../../../shared/settings/ebarimt';
import { KassaError } from '../../../kernel/errors';
import { ProviderError } from '../../errors';
import { startEbarimtSimulators, type EbarimtSimulators } from '../simulators';
import { sampleReceipt, testContext } from '../test-support';
import { createPosApiClient } from './client';
import type { WireReceiptRequest } from './schemas';

let sims: EbarimtSimulators;
beforeAll(async () => {
  sims = await startEbarimtSimulators();
});
afterAll(async () => {
  await sims.close();
});

let suffix = 100;
const nextSuffix = () => String((suffix += 1)).padStart(6, '0');

function client(overrides: Partial<typeof sims.sandbox.settings> = {}, fetchImpl?: typeof fetch) {
  const ctx = testContext(sims.sandbox.secrets);
  return createPosApiClient(fetchImpl ? { ...ctx, fetchImpl } : ctx, {
    ...sims.sandbox.settings,
    ...overrides,
  });
}

/** A fetch that rewrites the JSON body before it leaves, to make the simulator see a broken receipt. */
function tampering(edit: (body: WireReceiptRequest) => void): typeof fetch {
  return (input, init) => {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as WireReceiptRequest;
    edit(body);
    return fetch(input, { ...init, body: JSON.stringify(body) });
  };
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe('PosAPI client against the simulator', () => {
  beforeEach(() => {
    sims.posApi.setActivated(true);
  });

  it('issues a B2C receipt: totals, type and consumer stored by PosAPI; qrData/lottery only in printable', async () => {
    const billIdSuffix = nextSuffix();
    const issued = await client().issueReceipt(sampleReceipt({ billIdSuffix }));
    const stored = sims.posApi.receipts.find((r) => r.id === issued.record.id);
    expect(stored).toBeDefined();
    expect(stored).toMatchObject({
      type: 'B2C_RECEIPT',
      billIdSuffix,
      totalAmount: 6120,
      totalVAT: 100,
      totalCityTax: 20,
      consumerNo: null,
    });
    expect(issued.record).toMatchObject({ totalAmount: 6120, totalVAT: 100, totalCityTax: 20, easy: false });
    expect(issued.record.id).toMatch(/^\d{33}$/);
    expect(issued.record.subReceiptIds).toHaveLength(2);
    expect(issued.printable.qrData).toBe(stored?.qrData);
    expect(issued.printable.qrData).toMatch(/^\d{200}$/);
    expect(issued.printable.lottery).toBe(stored?.lottery);
    expect(issued.printable.lottery).toMatch(/^[A-Z]{2} \d{8}$/);
    // The journal-able part never carries them, and serialising the whole result does not leak them.
    const serialised = JSON.stringify(issued);
    expect(serialised).not.toContain(issued.printable.qrData);
    expect(serialised).not.toContain(issued.printable.lottery);
    // Two sub-receipts, one per tax type, each satisfying the amount rule.
    const body = sims.posApi.requests.at(-1)?.body as WireReceiptRequest;
    expect(body.receipts.map((r) => [r.taxType, r.totalAmount, r.totalVAT, r.totalCityTax])).toEqual([
      ['VAT_ABLE', 1120, 100, 20],
      ['VAT_FREE', 5000, 0, 0],
    ]);
  });

  it('puts consumerNo on a B2C receipt; PosAPI registers it directly (easy)', async () => {
    const issued = await client().issueReceipt(
      sampleReceipt({ billIdSuffix: nextSuffix(), consumerNo: '10038071' }),
    );
    expect(issued.record.easy).toBe(true);
    expect(sims.posApi.receipts.find((r) => r.id === issued.record.id)?.consumerNo).toBe('10038071');
  });

  it('issues a B2B receipt with the buyer TIN and no lottery', async () => {
    const issued = await client().issueReceipt(
      sampleReceipt({ type: 'B2B_RECEIPT', billIdSuffix: nextSuffix(), customerTin: '37900846788' }),
    );
    const stored = sims.posApi.receipts.find((r) => r.id === issued.record.id);
    expect(stored).toMatchObject({ type: 'B2B_RECEIPT', customerTin: '37900846788' });
    expect(issued.printable.lottery).toBe('');
  });

  it('rejects a second receipt with the same billIdSuffix on the same day', async () => {
    const billIdSuffix = nextSuffix();
    await client().issueReceipt(sampleReceipt({ billIdSuffix }));
    const before = sims.posApi.receipts.length;
    const error = await rejection(client().issueReceipt(sampleReceipt({ billIdSuffix })));
    expect(error.kind).toBe('rejected');
    expect(error.code).toBe('ERROR');
    expect(error.message).toContain(billIdSuffix);
    expect(error.messages.mn).toContain('PosAPI');
    expect(sims.posApi.receipts.length).toBe(before);
  });

  it('the simulator, like PosAPI 3.0, refuses a B2B receipt whose customerTin is a 7-digit register number', async () => {
    const broken = client(
      {},
      tampering((body) => {
        body.customerTin = '5317878';
        for (const sub of body.receipts) {
          sub.customerTin = '5317878';
        }
      }),
    );
    const error = await rejection(
      broken.issueReceipt(
        sampleReceipt({ type: 'B2B_RECEIPT', billIdSuffix: nextSuffix(), customerTin: '37900846788' }),
      ),
    );
    expect(error).toMatchObject({ kind: 'rejected', code: 'ERROR' });
    expect(error.message).toMatch(/customerTin/);
  });

  it('maps the amount-rule refusal (totals that do not add up) to a rejected ProviderError', async () => {
    const broken = client(
      {},
      tampering((body) => {
        body.totalVAT = (body.totalVAT ?? 0) + 5;
      }),
    );
    const error = await rejection(broken.issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() })));
    expect(error).toMatchObject({ kind: 'rejected', code: 'ERROR' });
    expect(error.message).toMatch(/amount rule/);
  });

  it('maps a VAT that is not 10 % of the base to a refusal', async () => {
    const broken = client(
      {},
      tampering((body) => {
        const sub = body.receipts[0]!;
        const item = sub.items[0]!;
        item.totalVAT += 40;
        sub.totalVAT += 40;
        body.totalVAT = (body.totalVAT ?? 0) + 40;
      }),
    );
    const error = await rejection(broken.issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() })));
    expect(error.message).toMatch(/VAT 140 is not 10 %/);
  });

  it('maps status PAYMENT (payments do not cover the total)', async () => {
    const broken = client(
      {},
      tampering((body) => {
        body.payments[0]!.paidAmount -= 1;
      }),
    );
    const error = await rejection(broken.issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() })));
    expect(error).toMatchObject({ kind: 'rejected', code: 'PAYMENT' });
  });

  it('refuses a merchant TIN the PosAPI does not have registered', async () => {
    const error = await rejection(
      client({ merchantTin: '99999999999' }).issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() })),
    );
    expect(error.message).toContain('99999999999');
  });

  it('checks input locally and sends nothing when settings or payments are wrong', async () => {
    const seen = sims.posApi.requests.length;
    const defaults = EbarimtSettingsSchema.parse({ posApiUrl: sims.posApi.url });
    await expect(createPosApiClient(testContext({}), defaults).issueReceipt(sampleReceipt())).rejects.toThrow(
      /merchantTin, districtCode, posNo/,
    );
    await expect(
      client().issueReceipt(sampleReceipt({ payments: [{ code: 'CASH', amount: 6000 }] })),
    ).rejects.toBeInstanceOf(KassaError);
    await expect(client().issueReceipt(sampleReceipt({ consumerNo: '1234' }))).rejects.toThrow(/8-digit/);
    expect(sims.posApi.requests.length).toBe(seen);
  });

  it('deletes a receipt; a second delete and a wrong date are refused', async () => {
    const issued = await client().issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() }));
    const ref = { id: issued.record.id, date: issued.record.date };
    await expect(client().deleteReceipt({ ...ref, date: '2000-01-01 00:00:00' })).rejects.toMatchObject({
      kind: 'rejected',
      code: 'ERROR',
    });
    await client().deleteReceipt(ref);
    expect(sims.posApi.receipts.find((r) => r.id === ref.id)?.deleted).toBe(true);
    const again = await rejection(client().deleteReceipt(ref));
    expect(again).toMatchObject({ kind: 'rejected', status: 404 });
  });

  it('reads /rest/info and pushes queued receipts with /rest/sendData', async () => {
    const before = await client().info();
    expect(before.posNo).toBe(sims.posApi.identity.posNo);
    expect(before.merchants.map((m) => m.tin)).toContain(sims.sandbox.settings.merchantTin);
    await client().issueReceipt(sampleReceipt({ billIdSuffix: nextSuffix() }));
    await client().sendData();
    const after = await client().info();
    expect(after.leftLotteries).toBe(before.leftLotteries - 1);
    expect(after.lastSentDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(sims.posApi.receipts.every((r) => r.sent)).toBe(true);
  });

  it('reports a PosAPI that is not activated (503)', async () => {
    sims.posApi.setActivated(false);
    const error = await rejection(client().info());
    expect(error).toMatchObject({ kind: 'unexpected', status: 503, mayHaveReachedProvider: false });
    expect(error.message).toMatch(/not activated/);
  });
});
