import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { money } from '../../../shared/money';
import { PocketSettingsSchema } from '../../../shared/settings/pocket';
import { KassaError } from '../../kernel/errors';
import { ProviderError } from '../errors';
import { createPocketClient, type PocketClient } from './client';
import { startPocketSimulator, type PocketSimulator } from './simulator';
import { testContext } from '../testing/context';

let sim: PocketSimulator;
let client: PocketClient;
const MNT = (n: number) => money(n, 'MNT');

function clientFor(s: PocketSimulator, settings: Record<string, string> = {}, secret?: string): PocketClient {
  const { ctx } = testContext({ 'pocket.clientSecret': secret ?? s.sandbox.secrets['pocket.clientSecret'] });
  return createPocketClient(ctx, PocketSettingsSchema.parse({ ...s.sandbox.settings, ...settings }));
}

async function rejection(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

beforeEach(async () => {
  sim = await startPocketSimulator();
  client = clientFor(sim);
});
afterEach(async () => {
  await sim.close();
});

describe('Pocket POS invoices (v2)', () => {
  it('generates a QR invoice with the documented body and returns qr + deeplink', async () => {
    const inv = await client.createInvoice({ orderNumber: 'S1-A1', amount: MNT(12_500), info: 'Kassa S1' });
    const sent = sim.requests.find((r) => r.path.endsWith('/generate-invoice'))?.body;
    expect(sent).toEqual({
      terminalId: Number(sim.sandbox.settings.terminalId),
      amount: 12_500,
      info: 'Kassa S1',
      orderNumber: 'S1-A1',
      invoiceType: 'PURCHASE',
      channel: 'pos',
    });
    const stored = sim.invoice(inv.invoiceId);
    expect(stored).toMatchObject({ amount: 12_500, orderNumber: 'S1-A1', state: 'pending' });
    expect(inv.deeplink).toContain(inv.invoiceId);
    expect(inv.qr.length).toBeGreaterThan(10);
  });

  it('normalises every documented state', async () => {
    const { invoiceId } = await client.createInvoice({ orderNumber: 'S2', amount: MNT(500), info: 'x' });
    const expectations = [
      ['pending', 'pending'],
      ['processing', 'pending'],
      ['processed', 'pending'],
      ['paid', 'paid'],
      ['cancelled', 'failed'],
      ['rejected', 'failed'],
      ['unsuccess', 'failed'],
    ] as const;
    for (const [state, status] of expectations) {
      sim.setState(invoiceId, state, state === 'unsuccess' ? 'Insufficient balance' : undefined);
      const got = await client.statusByInvoiceId(invoiceId);
      expect(got).toMatchObject({ status, state, invoiceId, amount: MNT(500), orderNumber: 'S2' });
    }
    const last = await client.statusByOrderNumber('S2');
    expect(last.description).toBe('Insufficient balance');
    expect(last.messages.en).toContain('Insufficient balance');
    expect(last.messages.mn).toMatch(/амжилтгүй/);
  });

  it('markPaid / markDeclined / markExpired show through both status lookups', async () => {
    const a = await client.createInvoice({ orderNumber: 'M1', amount: MNT(600), info: 'a' });
    const b = await client.createInvoice({ orderNumber: 'M2', amount: MNT(600), info: 'b' });
    const c = await client.createInvoice({ orderNumber: 'M3', amount: MNT(600), info: 'c' });
    sim.markPaid(a.invoiceId);
    sim.markDeclined(b.invoiceId);
    sim.markExpired(c.invoiceId);
    expect((await client.statusByOrderNumber('M1')).status).toBe('paid');
    expect(await client.statusByInvoiceId(b.invoiceId)).toMatchObject({
      status: 'failed',
      state: 'rejected',
    });
    expect(await client.statusByInvoiceId(c.invoiceId)).toMatchObject({
      status: 'failed',
      state: 'cancelled',
    });
  });

  it('validates before sending: minimum 500 MNT, currency, info and order number length', async () => {
    const before = sim.requests.length;
    await expect(client.createInvoice({ orderNumber: 'V1', amount: MNT(499), info: 'x' })).rejects.toThrow(
      /500/,
    );
    await expect(
      client.createInvoice({ orderNumber: 'V1', amount: money(50_000, 'GEL'), info: 'x' }),
    ).rejects.toThrow(/MNT/);
    await expect(
      client.createInvoice({ orderNumber: 'V1', amount: MNT(500), info: 'x'.repeat(101) }),
    ).rejects.toThrow(KassaError);
    await expect(
      client.createInvoice({ orderNumber: 'V'.repeat(25), amount: MNT(500), info: 'x' }),
    ).rejects.toThrow(KassaError);
    await expect(clientFor(sim, { terminalId: '' }).statusByInvoiceId('1')).rejects.toThrow(/terminal id/);
    expect(sim.requests.length).toBe(before);
  });

  it('maps duplicate order numbers, unknown invoices and a foreign terminal to documented errors', async () => {
    await client.createInvoice({ orderNumber: 'D1', amount: MNT(700), info: 'x' });
    const again = await client.createInvoice({ orderNumber: 'D1', amount: MNT(700), info: 'x' });
    expect(sim.invoice(again.invoiceId)?.orderNumber).toBe('D1');
    const dup = await rejection(client.createInvoice({ orderNumber: 'D1', amount: MNT(800), info: 'x' }));
    expect(dup).toMatchObject({ kind: 'rejected', status: 409, code: 'duplicate' });
    expect(dup.messages.mn).toMatch(/захиалгын дугаар/);
    const missing = await rejection(client.statusByInvoiceId('424242'));
    expect(missing).toMatchObject({ kind: 'rejected', status: 404, code: 'not_found' });
    expect(missing.message).toContain('Invoice not found');
    const foreign = await rejection(clientFor(sim, { terminalId: '1' }).statusByOrderNumber('D1'));
    expect(foreign).toMatchObject({ kind: 'rejected', status: 400 });
    expect(foreign.message).toMatch(/Terminal not found/);
  });

  it('a wrong client secret is an auth error with installer text, after exactly one token attempt', async () => {
    const bad = clientFor(sim, {}, 'not-the-secret');
    const error = await rejection(bad.createInvoice({ orderNumber: 'W1', amount: MNT(500), info: 'x' }));
    expect(error).toMatchObject({ kind: 'auth', code: 'invalid_client', status: 401 });
    expect(error.messages.mn).toMatch(/pocket\.clientSecret/);
    expect(sim.requests.filter((r) => r.path.endsWith('/openid-connect/token'))).toHaveLength(1);
    expect(sim.grants.client_credentials).toBe(0);
  });
});

describe('Pocket mini-app invoice, check, pg config', () => {
  it('creates a consumer invoice for a valid consumer token and checks it', async () => {
    const consumerToken = await sim.issueConsumerToken();
    const inv = await client.createConsumerInvoice({ amount: MNT(560), info: 'Нэхэмжлэх', consumerToken });
    expect(inv).toMatchObject({
      amount: MNT(560),
      info: 'Нэхэмжлэх',
      terminalId: sim.sandbox.settings.terminalId,
    });
    expect((await client.checkInvoice(inv.invoiceId)).status).toBe('pending');
    sim.markPaid(inv.invoiceId);
    expect(await client.checkInvoice(inv.invoiceId)).toMatchObject({ status: 'paid', state: 'paid' });
    expect(await rejection(client.checkInvoice('999'))).toMatchObject({ code: 'not_found' });
  });

  it('refuses a consumer invoice with a forged consumer token', async () => {
    const consumerToken = await sim.issueConsumerToken({ forged: true });
    const error = await rejection(
      client.createConsumerInvoice({ amount: MNT(560), info: 'x', consumerToken }),
    );
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
    expect(error.message).toContain('Invalid consumer token');
    expect(error.message).not.toContain(consumerToken);
  });

  it('reads and sets the webhook URL (echo checked); a non-https URL is refused', async () => {
    expect(await client.getFallbackUrl()).toBeNull();
    await client.setFallbackUrl('https://relay.example.mn/pocket');
    expect(await client.getFallbackUrl()).toBe('https://relay.example.mn/pocket');
    expect(await rejection(client.setFallbackUrl('ftp://x'))).toMatchObject({
      kind: 'rejected',
      status: 400,
    });
  });
});

describe('Pocket webhook receiver', () => {
  it('accepts string and integer states and only names the invoice to re-check', async () => {
    const { invoiceId } = await client.createInvoice({ orderNumber: 'H1', amount: MNT(900), info: 'x' });
    sim.markPaid(invoiceId);
    expect(client.receiveWebhook(sim.webhookFor(invoiceId))).toEqual({
      ok: true,
      invoiceId,
      claimedState: 'paid',
      orderNumber: 'H1',
    });
    const numeric = sim.webhookFor(invoiceId, { numericState: true });
    expect(JSON.parse(numeric)).toMatchObject({ invoiceState: 20 });
    expect(client.receiveWebhook(numeric)).toMatchObject({ ok: true, claimedState: 'paid' });
    expect((await client.statusByInvoiceId(invoiceId)).status).toBe('paid');
  });

  it('rejects malformed bodies and unknown states', () => {
    expect(client.receiveWebhook('not json')).toEqual({ ok: false, reason: 'malformed' });
    expect(client.receiveWebhook('{"invoiceState":"paid"}')).toEqual({ ok: false, reason: 'malformed' });
    expect(client.receiveWebhook('{"invoiceId":1,"invoiceState":99}')).toEqual({
      ok: false,
      reason: 'unknown-state',
    });
    expect(client.receiveWebhook('{"invoiceId":1,"invoiceState":"teleported"}')).toMatchObject({
      reason: 'unknown-state',
    });
    expect(client.receiveWebhook('{"invoiceId":1,"invoiceState":"30"}')).toMatchObject({
      claimedState: 'cancelled',
    });
  });
});
