import { describe, expect, it } from 'vitest';
import { ScanOutcomeSchema, type ScanOutcome } from '../../shared/channels/scan';
import { embeddedRules, type EmbeddedRule } from '../../shared/codes';
import { createCapturingLogger } from '../log/logger';
import type { Scan } from './scan';
import { ScanRouter } from './scan-router';
import { RecordingScanActions } from './testing/recording-scan-actions';

const QR = '48'.repeat(100);
const EAN = '4006381333931';

const scan = (text: string, extra: Partial<Scan> = {}): Scan => ({
  text,
  symbology: undefined,
  source: 'hid',
  deviceId: '0c2e:10d3:8c',
  at: 0,
  ...extra,
});

function setup(embedded: EmbeddedRule[] = []) {
  const actions = new RecordingScanActions();
  const outcomes: ScanOutcome[] = [];
  const { logger, lines } = createCapturingLogger();
  const rules = { embedded };
  const router = new ScanRouter({
    actions,
    classifyOptions: () => ({ embedded: rules.embedded, country: 'MN' }),
    emit: (outcome) => {
      // Every published outcome fits the contract.
      outcomes.push(ScanOutcomeSchema.parse(outcome));
    },
    log: logger,
  });
  return { actions, outcomes, lines, router, rules };
}

describe('ScanRouter', () => {
  it('carries a product scan out and publishes the line to select', async () => {
    const t = setup();
    const outcome = await t.router.route(scan(EAN));
    expect(t.actions.calls).toEqual([
      {
        action: 'addProduct',
        request: { code: EAN, quantity: 1, ifMissing: { code: 'product-not-found', barcode: EAN } },
      },
    ]);
    expect(outcome).toEqual({
      seq: 1,
      source: 'hid',
      kind: 'ean13',
      result: 'line-added',
      saleId: 'S1',
      lineId: 'L1',
      multiplier: null,
      navigate: 'sale',
    });
    expect(t.outcomes).toEqual([outcome]);
  });

  it('a receipt QR on the sale screen opens approval; on the approval screen it is the receipt', async () => {
    const t = setup();
    expect(await t.router.route(scan(QR))).toMatchObject({
      result: 'approval',
      step: 'opened',
      navigate: 'approval',
      kind: 'ebarimt-qr',
    });
    t.router.setContext({ screen: 'approval', dialog: false, quantity: null });
    expect(await t.router.route(scan(QR))).toMatchObject({ result: 'approval', step: 'receipt' });
    expect(await t.router.route(scan('10038071'))).toMatchObject({
      result: 'approval',
      step: 'identify',
      kind: 'customer-no',
    });
    expect(t.actions.calls.map((c) => c.action)).toEqual([
      'openApproval',
      'approvalReceipt',
      'approvalIdentify',
    ]);
    // No outcome and no log line carries the qrData.
    expect(JSON.stringify(t.outcomes)).not.toContain(QR.slice(0, 40));
    expect(t.lines.join('\n')).not.toContain(QR.slice(0, 40));
  });

  it('a refusal changes nothing and says why', async () => {
    const t = setup();
    t.actions.refuseNext({ code: 'payment-in-progress' });
    expect(await t.router.route(scan(EAN))).toMatchObject({
      result: 'refused',
      error: { code: 'payment-in-progress' },
      navigate: null,
    });
    t.router.setContext({ screen: 'sale', dialog: true, quantity: null });
    expect(await t.router.route(scan(EAN))).toMatchObject({ error: { code: 'dialog-open' } });
    // The dialog refusal never reached an action.
    expect(t.actions.calls).toHaveLength(1);
  });

  it('two quick scans are carried out in arrival order, the second after the first finished', async () => {
    const t = setup();
    t.actions.hold();
    const first = t.router.route(scan(EAN));
    const second = t.router.route(scan('96385074', { source: 'wedge', deviceId: 'keyboard' }));
    await Promise.resolve();
    // The second waits in the queue while the first is being carried out.
    expect(t.actions.calls).toHaveLength(1);
    t.actions.release();
    expect((await first).seq).toBe(1);
    expect(await second).toMatchObject({ seq: 2, lineId: 'L2', source: 'wedge', kind: 'ean8' });
    expect(t.outcomes.map((o) => o.seq)).toEqual([1, 2]);
  });

  it('N* counts a scan N times: sent with a wedge scan, or pending on the page for a HID scan', async () => {
    const t = setup();
    expect(await t.router.route(scan(EAN, { source: 'wedge', quantity: 3 }))).toMatchObject({
      multiplier: 3,
    });
    t.router.setContext({ screen: 'sale', dialog: false, quantity: 4 });
    // A refused scan leaves the pending multiplier for the next one.
    t.actions.refuseNext({ code: 'product-not-found', barcode: EAN });
    await t.router.route(scan(EAN));
    expect(await t.router.route(scan(EAN))).toMatchObject({ multiplier: 4 });
    // Used up: the next HID scan counts once.
    expect(t.router.context.quantity).toBeNull();
    expect(await t.router.route(scan(EAN))).toMatchObject({ multiplier: null });
    expect(t.actions.calls.map((c) => (c.action === 'addProduct' ? c.request.quantity : undefined))).toEqual([
      3, 4, 4, 1,
    ]);
  });

  it('reads the shop rules at every scan: a label turns into a weighed line once a rule exists', async () => {
    const t = setup();
    const labelText = '2000001012345';
    await t.router.route(scan(labelText));
    t.rules.embedded = embeddedRules(['20'], 'weight', 5, 5);
    await t.router.route(scan(labelText, { quantity: 2 }));
    expect(t.actions.calls).toEqual([
      expect.objectContaining({ action: 'addProduct' }),
      {
        action: 'addLabel',
        request: {
          lookupCode: '2000001000007',
          barcode: labelText,
          kind: 'weight',
          value: 1234,
          quantity: 2,
        },
      },
    ]);
  });

  it('an action that throws is answered `failed` and logged without the scan; the next scan works', async () => {
    const t = setup();
    t.actions.addProduct = () => Promise.reject(new TypeError('boom'));
    const secret = '4006381333931';
    expect(await t.router.route(scan(secret))).toMatchObject({
      result: 'refused',
      error: { code: 'failed' },
    });
    expect(await t.router.route(scan(QR))).toMatchObject({ result: 'approval' });
    const log = t.lines.join('\n');
    expect(log).toContain('scan failed');
    expect(log).toContain('TypeError');
    expect(log).not.toContain(secret);
  });
});
