import { describe, expect, it } from 'vitest';
import { embeddedRules } from '../../shared/codes';
import { createCapturingLogger } from '../log/logger';
import { ScanRouter, type RoutedScan, type ScanInput } from './scan-router';

const scan = (text: string, extra: Partial<ScanInput> = {}): ScanInput => ({
  text,
  symbology: undefined,
  source: 'hid',
  deviceId: '0c2e:10d3',
  at: 0,
  ...extra,
});

const QR = '48'.repeat(100); // 200 digits, qrData-shaped

describe('ScanRouter', () => {
  it('sends scans to the idle handler when no screen is registered', () => {
    const idle: RoutedScan[] = [];
    const router = new ScanRouter({ idle: (r) => idle.push(r) });
    expect(router.route(scan('4006381333931'))).toEqual({
      target: 'idle',
      code: { kind: 'ean13', code: '4006381333931' },
    });
    expect(idle.map((r) => r.code.kind)).toEqual(['ean13']);
    expect(idle[0]!.scan.deviceId).toBe('0c2e:10d3');
  });

  it('delivers to the most recently registered screen and falls back on unregister', () => {
    const got: string[] = [];
    const router = new ScanRouter({ idle: () => got.push('idle') });
    const offSale = router.register({ screen: 'sale', handle: (r) => got.push(`sale:${r.code.kind}`) });
    const offDialog = router.register({
      screen: 'quantity',
      handle: (r) => got.push(`quantity:${r.code.kind}`),
    });
    expect(router.activeScreen).toBe('quantity');
    router.route(scan('96385074'));
    offDialog();
    offDialog(); // idempotent
    router.route(scan('96385074'));
    offSale();
    router.route(scan('96385074'));
    expect(got).toEqual(['quantity:ean8', 'sale:ean8', 'idle']);
    expect(router.activeScreen).toBeUndefined();
  });

  it('unregistering a screen below the top leaves the top active', () => {
    const got: string[] = [];
    const router = new ScanRouter();
    const offSale = router.register({ screen: 'sale', handle: () => got.push('sale') });
    router.register({ screen: 'payment', handle: () => got.push('payment') });
    offSale();
    router.route(scan('x'));
    expect(got).toEqual(['payment']);
  });

  it('opens the approval flow for a receipt QR scanned anywhere but the approval screen', () => {
    const opened: string[] = [];
    const sale: RoutedScan[] = [];
    const router = new ScanRouter({ openApproval: (qrData) => opened.push(qrData) });
    router.register({ screen: 'sale', handle: (r) => sale.push(r) });
    expect(router.route(scan(QR, { symbology: 'qr' })).target).toBe('open-approval');
    expect(opened).toEqual([QR]);
    expect(sale).toEqual([]);

    const approval: RoutedScan[] = [];
    router.register({ screen: 'approval', handle: (r) => approval.push(r), handlesReceiptQr: true });
    expect(router.route(scan(QR))).toMatchObject({ target: 'screen', screen: 'approval' });
    expect(approval.map((r) => r.code)).toEqual([{ kind: 'ebarimt-qr', qrData: QR }]);
    expect(opened).toHaveLength(1);
  });

  it('applies shop-wide and per-screen classification options', () => {
    const kinds: string[] = [];
    const router = new ScanRouter({ classify: { embedded: embeddedRules(['21'], 'weight', 5, 5) } });
    const off = router.register({ screen: 'sale', handle: (r) => kinds.push(r.code.kind) });
    router.route(scan('2112345012506'));
    router.route(scan('10038071'));
    off();
    router.register({
      screen: 'approval',
      handle: (r) => kinds.push(r.code.kind),
      classify: { prefer: 'identity' },
      handlesReceiptQr: true,
    });
    router.route(scan('10038071'));
    router.route(scan('99112233', { source: 'wedge' }));
    // The scanner's symbology still wins over the screen's preference.
    router.route(scan('96385074', { symbology: 'ean8' }));
    expect(kinds).toEqual(['weight', 'invalid-checksum', 'customer-no', 'phone', 'ean8']);
  });

  it('survives a throwing handler and reports undeliverable scans', () => {
    const { logger, lines } = createCapturingLogger();
    const router = new ScanRouter({ logger });
    expect(router.route(scan('4006381333931'))).toMatchObject({ target: 'dropped' });
    expect(router.route(scan(QR))).toMatchObject({ target: 'dropped', reason: 'no approval flow wired' });
    router.register({
      screen: 'sale',
      handle: () => {
        throw new Error(`boom ${QR}`);
      },
    });
    expect(router.route(scan('4006381333931')).target).toBe('screen');
    const log = lines.join('\n');
    expect(log).toContain('scan handler failed');
    expect(log).not.toContain(QR.slice(0, 40)); // qrData never reaches the log
  });
});
