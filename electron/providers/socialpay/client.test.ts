import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { SocialpaySettingsSchema } from '../../../shared/settings/socialpay';
import { KassaError } from '../../kernel/errors';
import { ProviderError } from '../errors';
import { createSocialpayClient, type SocialpayClient } from './client';
import { startSocialpaySimulator, type SocialpaySimulator } from './simulator';
import { testContext } from '../testing/context';

let sim: SocialpaySimulator;
let client: SocialpayClient;

function clientFor(
  s: SocialpaySimulator,
  overrides: { key?: string; terminal?: string } = {},
): SocialpayClient {
  const { ctx } = testContext({
    'socialpay.checksumKey': overrides.key ?? s.sandbox.secrets['socialpay.checksumKey'],
  });
  const settings = SocialpaySettingsSchema.parse({
    ...s.sandbox.settings,
    ...(overrides.terminal === undefined ? {} : { terminal: overrides.terminal }),
  });
  return createSocialpayClient(ctx, settings);
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

const MNT = (n: number) => money(n, 'MNT');

beforeEach(async () => {
  sim = await startSocialpaySimulator();
  client = clientFor(sim);
});
afterEach(async () => {
  await sim.close();
});

describe('SocialPay invoices', () => {
  it('creates a QR invoice with string fields and a checksum the bank accepts', async () => {
    const qr = await client.createQr({ invoice: 'S1-A1', amount: MNT(12_500) });
    expect(qr.qr).toContain('12500');
    expect(qr.deeplink).toBeUndefined();
    const sent = sim.requests.at(-1)?.body as Record<string, unknown>;
    expect(sent).toEqual({
      amount: '12500',
      checksum: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      invoice: 'S1-A1',
      terminal: sim.terminal,
    });
    expect(sim.invoice('S1-A1')?.state).toBe('pending');
  });

  it('offers the deeplink-QR payload as a deeplink', async () => {
    const qr = await client.createQr({ invoice: 'S1-A2', amount: MNT(900), deeplink: true });
    expect(sim.requests.at(-1)?.path).toBe('/pos/invoice/qr/deeplink');
    expect(qr.deeplink).toBe(qr.qr);
    expect(qr.qr.startsWith('socialpay-payment://')).toBe(true);
  });

  it('sends a phone invoice signed over terminal+invoice+amount+phone', async () => {
    const res = await client.createPhoneInvoice({ invoice: 'S1-P', amount: MNT(5000), phone: '9911 2233' });
    expect(res.desc).toMatch(/success/i);
    expect(sim.invoice('S1-P')).toMatchObject({ kind: 'phone', phone: '99112233' });
  });

  it('answers the same pending invoice again but refuses the number with another amount', async () => {
    const first = await client.createQr({ invoice: 'S1-D', amount: MNT(1000) });
    const again = await client.createQr({ invoice: 'S1-D', amount: MNT(1000) });
    expect(again.qr).toBe(first.qr);
    const error = await rejection(client.createQr({ invoice: 'S1-D', amount: MNT(2000) }));
    expect(error).toMatchObject({ kind: 'rejected', code: 'DUPLICATE', status: 409 });
    expect(error.messages.mn).toMatch(/нэхэмжлэх/i);
    expect(error.messages.en).toMatch(/already used/);
  });

  it('validates before sending: invoice length, currency, phone, terminal', async () => {
    const before = sim.requests.length;
    await expect(client.createQr({ invoice: 'x'.repeat(33), amount: MNT(1) })).rejects.toThrow(KassaError);
    await expect(client.createQr({ invoice: 'ok', amount: money(100, 'GEL') })).rejects.toThrow(/MNT/);
    await expect(client.createQr({ invoice: 'ok', amount: MNT(0) })).rejects.toThrow(KassaError);
    await expect(
      client.createPhoneInvoice({ invoice: 'ok', amount: MNT(1), phone: '12345' }),
    ).rejects.toThrow(/8 digits/);
    const unset = clientFor(sim, { terminal: '' });
    await expect(unset.createQr({ invoice: 'ok', amount: MNT(1) })).rejects.toThrow(/terminal/);
    expect(sim.requests.length).toBe(before);
    // 32 characters is the documented maximum and goes through.
    await client.createQr({ invoice: 'y'.repeat(32), amount: MNT(1) });
    expect(sim.invoice('y'.repeat(32))).toBeDefined();
  });
});

describe('SocialPay check', () => {
  it('follows the invoice through pending → paid (resp_code 00)', async () => {
    await client.createQr({ invoice: 'C1', amount: MNT(3000) });
    const pending = await client.check({ invoice: 'C1', amount: MNT(3000) });
    expect(pending).toMatchObject({ status: 'pending', respCode: '01' });
    sim.markPaid('C1');
    const paid = await client.check({ invoice: 'C1', amount: MNT(3000) });
    expect(paid.status).toBe('paid');
    expect(paid.respCode).toBe('00');
    expect(paid.approvalCode).toBe(sim.invoice('C1')?.approvalCode);
  });

  it('reports declined and expired invoices as failed with mn/en text', async () => {
    await client.createQr({ invoice: 'C2', amount: MNT(100) });
    await client.createQr({ invoice: 'C3', amount: MNT(100) });
    sim.markDeclined('C2');
    sim.markExpired('C3');
    const declined = await client.check({ invoice: 'C2', amount: MNT(100) });
    const expired = await client.check({ invoice: 'C3', amount: MNT(100) });
    expect(declined).toMatchObject({ status: 'failed', respCode: '05' });
    expect(expired).toMatchObject({ status: 'failed', respCode: '54' });
    expect(declined.messages.mn).toMatch(/татгалз/);
    expect(expired.messages.en).toMatch(/expired/);
  });

  it('maps unknown invoice, wrong amount, wrong key and wrong terminal to documented errors', async () => {
    const unknown = await rejection(client.check({ invoice: 'nope', amount: MNT(1) }));
    expect(unknown).toMatchObject({ kind: 'rejected', code: 'NOT_FOUND', status: 404 });
    expect(unknown.message).toContain('Invoice not found');

    await client.createQr({ invoice: 'C4', amount: MNT(100) });
    const amount = await rejection(client.check({ invoice: 'C4', amount: MNT(101) }));
    expect(amount).toMatchObject({ kind: 'rejected', code: 'AMOUNT' });

    const badKey = await rejection(
      clientFor(sim, { key: 'wrong-key-000' }).check({ invoice: 'C4', amount: MNT(100) }),
    );
    expect(badKey).toMatchObject({ kind: 'auth', code: 'CHECKSUM', status: 401 });
    expect(badKey.messages.mn).toMatch(/түлхүүр/);

    const badTerminal = await rejection(
      clientFor(sim, { terminal: '00000001' }).check({ invoice: 'C4', amount: MNT(100) }),
    );
    expect(badTerminal).toMatchObject({ kind: 'auth', code: 'TERMINAL' });
  });

  it('maps the same errors when the bank sends them with an HTTP error status', async () => {
    const strict = await startSocialpaySimulator({ errorsAsHttpStatus: true });
    try {
      const error = await rejection(clientFor(strict).check({ invoice: 'nope', amount: MNT(1) }));
      expect(error).toMatchObject({ kind: 'rejected', code: 'NOT_FOUND', status: 404 });
      const auth = await rejection(
        clientFor(strict, { key: 'wrong-key-000' }).check({ invoice: 'x', amount: MNT(1) }),
      );
      expect(auth).toMatchObject({ kind: 'auth', code: 'CHECKSUM' });
    } finally {
      await strict.close();
    }
  });
});

describe('SocialPay cancel, refund, settlement', () => {
  it('cancels a pending invoice; refuses to cancel a paid one', async () => {
    await client.createQr({ invoice: 'K1', amount: MNT(700) });
    await client.cancelInvoice({ invoice: 'K1', amount: MNT(700) });
    expect(sim.invoice('K1')?.state).toBe('cancelled');
    expect((await client.check({ invoice: 'K1', amount: MNT(700) })).status).toBe('failed');

    await client.createQr({ invoice: 'K2', amount: MNT(700) });
    sim.markPaid('K2');
    const error = await rejection(client.cancelInvoice({ invoice: 'K2', amount: MNT(700) }));
    expect(error).toMatchObject({ kind: 'rejected', code: 'STATE' });
    expect(sim.invoice('K2')?.state).toBe('paid');
  });

  it('accepts the resp_code form of the cancel answer', async () => {
    const other = await startSocialpaySimulator({ cancelShape: 'resp_code' });
    try {
      const c = clientFor(other);
      await c.createQr({ invoice: 'K3', amount: MNT(700) });
      await c.cancelInvoice({ invoice: 'K3', amount: MNT(700) });
      expect(other.invoice('K3')?.state).toBe('cancelled');
    } finally {
      await other.close();
    }
  });

  it('refunds a paid payment once; a second refund or a refund of an unpaid invoice is refused', async () => {
    await client.createQr({ invoice: 'R1', amount: MNT(4200) });
    await expect(client.refund({ invoice: 'R1', amount: MNT(4200) })).rejects.toMatchObject({
      code: 'STATE',
    });
    sim.markPaid('R1');
    const refund = await client.refund({ invoice: 'R1', amount: MNT(4200) });
    expect(refund.approvalCode).toBe(sim.invoice('R1')?.approvalCode);
    expect(sim.invoice('R1')?.state).toBe('refunded');
    await expect(client.refund({ invoice: 'R1', amount: MNT(4200) })).rejects.toMatchObject({
      kind: 'rejected',
      code: 'STATE',
    });
  });

  it('settles paid, unrefunded payments and repeats the same totals for the same settlement id', async () => {
    for (const [invoice, amount] of [
      ['T1', 1000],
      ['T2', 2500],
      ['T3', 9999],
    ] as const) {
      await client.createQr({ invoice, amount: MNT(amount) });
    }
    sim.markPaid('T1');
    sim.markPaid('T2');
    sim.markPaid('T3');
    await client.refund({ invoice: 'T3', amount: MNT(9999) });
    const s1 = await client.settle('STL1');
    expect(s1).toEqual({ settlementId: 'STL1', amount: MNT(3500), count: 2 });
    expect(await client.settle('STL1')).toEqual(s1);
    expect(await client.settle('STL2')).toEqual({ settlementId: 'STL2', amount: MNT(0), count: 0 });
    expect(sim.settlements().get('STL1')).toEqual({ amount: 3500, count: 2 });
  });
});

describe('SocialPay push receiver', () => {
  it('verifies the push and only names the invoice to re-check', async () => {
    await client.createQr({ invoice: 'P1', amount: MNT(800) });
    sim.markPaid('P1');
    const push = await client.receivePush(sim.pushFor('P1'));
    expect(push).toEqual({ ok: true, invoice: 'P1', claimedRespCode: '00' });
    // The push is a hint; the status comes from check.
    expect((await client.check({ invoice: 'P1', amount: MNT(800) })).status).toBe('paid');
  });

  it('rejects a tampered, foreign or malformed push', async () => {
    await client.createQr({ invoice: 'P2', amount: MNT(800) });
    const body = JSON.parse(sim.pushFor('P2')) as Record<string, string>;
    expect(await client.receivePush(JSON.stringify({ ...body, amount: '1' }))).toEqual({
      ok: false,
      reason: 'bad-checksum',
    });
    expect(
      await client.receivePush(JSON.stringify({ ...body, resp_code: '00', invoice: 'P3' })),
    ).toMatchObject({
      reason: 'bad-checksum',
    });
    expect(await client.receivePush(JSON.stringify({ ...body, terminal: '00000000' }))).toMatchObject({
      reason: 'wrong-terminal',
    });
    expect(await client.receivePush('<html>')).toMatchObject({ reason: 'malformed' });
    expect(await client.receivePush('{"invoice":"P2"}')).toMatchObject({ reason: 'malformed' });
  });
});

describe('SocialPay simulator validation (raw requests)', () => {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${sim.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await res.json()) as {
      header: { code: number };
      body: { error?: { errorType: string; errorDesc: string } };
    };
  };

  it('answers missing or too-long fields with the validation error envelope', async () => {
    const missing = await post('/pos/invoice/qr', { amount: '1', invoice: 'x', terminal: sim.terminal });
    expect(missing.header.code).toBe(400);
    expect(missing.body.error).toMatchObject({
      errorType: 'VALIDATION',
      errorDesc: expect.stringContaining('checksum') as unknown,
    });
    const long = await post('/pos/invoice/qr', {
      amount: '1',
      invoice: 'x'.repeat(33),
      terminal: sim.terminal,
      checksum: 'a'.repeat(64),
    });
    expect(long.body.error?.errorDesc).toMatch(/maxlen 32/);
    const badChecksum = await post('/pos/invoice/qr', {
      amount: '1',
      invoice: 'x',
      terminal: sim.terminal,
      checksum: 'a'.repeat(64),
    });
    expect(badChecksum.body.error?.errorType).toBe('CHECKSUM');
  });
});
