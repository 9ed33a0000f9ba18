import { beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalViewModel } from '../../../shared/channels/approval';
import { installFakeKassa, type FakeHandlers } from '../testing/fake-kassa';
import { useAppStore } from './app';
import { IDLE_APPROVAL_VIEW, useApprovalStore } from './approval';

const QR = '7'.repeat(200);

const identifying: ApprovalViewModel = { ...IDLE_APPROVAL_VIEW, state: 'identifying', pendingQr: true };
const confirm: ApprovalViewModel = {
  ...IDLE_APPROVAL_VIEW,
  state: 'confirm',
  buyer: { name: 'Батын Болд', customerNoMasked: '10****71', emailMasked: null, identifiedBy: 'regno' },
};
const result: ApprovalViewModel = {
  ...confirm,
  state: 'result',
  approvedCount: 1,
  lastResult: {
    outcome: 'approved',
    ok: true,
    code: 'success',
    afterRetry: false,
    message: { mn: 'Амжилттай', en: 'Done' },
  },
};

const ok = (value: ApprovalViewModel) => () => ({ ok: true as const, value });

/** What main's scan router answers for a wedge scan (electron/devices/service.ts decides; the page obeys). */
const routed =
  (kind: string, via: 'active' | 'idle' | 'open-approval', screen: 'sale' | 'approval') => () => ({
    ok: true as const,
    value: { kind, via, screen },
  });
const submit = (text: string) => ({ channel: 'scan:submit', input: { text, source: 'wedge' } });

function setup(handlers: FakeHandlers, view: ApprovalViewModel, tab: 'sale' | 'approval') {
  const fake = installFakeKassa(handlers);
  useApprovalStore.setState({ view, query: '', lastError: null });
  useAppStore.setState({ tab });
  return fake;
}

describe('approval store', () => {
  beforeEach(() => {
    useApprovalStore.setState({ view: IDLE_APPROVAL_VIEW, query: '', lastError: null });
  });

  it('keeps the whole view-model from each reply and clears the typed query after a lookup', async () => {
    const fake = setup({ 'approval:identify': ok(confirm) }, identifying, 'approval');
    useApprovalStore.getState().setQuery('  УБ99112233 ');
    await useApprovalStore.getState().identify();
    expect(fake.calls).toEqual([{ channel: 'approval:identify', input: { query: 'УБ99112233' } }]);
    expect(useApprovalStore.getState().view).toEqual(confirm);
    expect(useApprovalStore.getState().query).toBe('');
  });

  it('keeps a refused call as the error and leaves the view alone', async () => {
    setup(
      {
        'approval:confirm': () => ({
          ok: false,
          error: { code: 'state.conflict', message: 'There is no buyer to confirm.' },
        }),
      },
      identifying,
      'approval',
    );
    await useApprovalStore.getState().confirm();
    expect(useApprovalStore.getState().lastError).toEqual({
      code: 'state.conflict',
      message: 'There is no buyer to confirm.',
    });
    expect(useApprovalStore.getState().view).toEqual(identifying);
  });

  it('does not send an empty query', async () => {
    const fake = setup({}, identifying, 'approval');
    useApprovalStore.getState().setQuery('   ');
    await useApprovalStore.getState().identify();
    expect(fake.calls).toEqual([]);
  });
});

describe('routeScan', () => {
  it('a receipt QR on the sale screen starts approval with the receipt and opens the tab', async () => {
    const fake = setup(
      { 'scan:submit': routed('ebarimt-qr', 'open-approval', 'approval'), 'approval:start': ok(identifying) },
      IDLE_APPROVAL_VIEW,
      'sale',
    );
    const route = await useApprovalStore.getState().routeScan(`${QR}\r\n`);
    expect(route).toEqual({ to: 'approval', action: 'start' });
    expect(fake.calls.slice(0, 2)).toEqual([
      submit(QR),
      { channel: 'approval:start', input: { qrData: QR } },
    ]);
    expect(useAppStore.getState().tab).toBe('approval');
    expect(useApprovalStore.getState().view.pendingQr).toBe(true);
    // qrData is passed on, never kept.
    expect(JSON.stringify(useApprovalStore.getState())).not.toContain(QR);
  });

  it('a receipt QR on the approval screen is submitted for the buyer', async () => {
    const fake = setup(
      { 'scan:submit': routed('ebarimt-qr', 'active', 'approval'), 'approval:scan-receipt': ok(result) },
      { ...confirm, state: 'ready' },
      'approval',
    );
    const route = await useApprovalStore.getState().routeScan(QR);
    expect(route).toEqual({ to: 'approval', action: 'scan-receipt' });
    expect(fake.calls).toEqual([submit(QR), { channel: 'approval:scan-receipt', input: { qrData: QR } }]);
    expect(useApprovalStore.getState().view.approvedCount).toBe(1);
  });

  it('anything else on the approval screen identifies the buyer (8 digits read as a code, not a barcode)', async () => {
    const fake = setup(
      { 'scan:submit': routed('customer-no', 'active', 'approval'), 'approval:identify': ok(confirm) },
      identifying,
      'approval',
    );
    const route = await useApprovalStore.getState().routeScan('10038071');
    expect(route).toEqual({ to: 'approval', action: 'identify' });
    expect(fake.calls).toEqual([
      submit('10038071'),
      { channel: 'approval:identify', input: { query: '10038071' } },
    ]);
  });

  it('a product barcode on the sale screen is not the approval flow’s', async () => {
    const fake = setup({ 'scan:submit': routed('ean13', 'active', 'sale') }, IDLE_APPROVAL_VIEW, 'sale');
    const route = await useApprovalStore.getState().routeScan('4006381333931');
    expect(route).toEqual({ to: 'unhandled', reason: 'not-approval-screen' });
    expect(fake.calls).toEqual([submit('4006381333931')]);
    expect(useAppStore.getState().tab).toBe('sale');
  });

  it('a receipt scanned while one is being submitted is refused with a message, not sent', async () => {
    const fake = setup(
      { 'scan:submit': routed('ebarimt-qr', 'active', 'approval') },
      { ...result, state: 'submitting', busy: true },
      'approval',
    );
    const route = await useApprovalStore.getState().routeScan(QR);
    expect(route).toEqual({ to: 'unhandled', reason: 'busy' });
    expect(fake.calls).toEqual([submit(QR)]);
    expect(useApprovalStore.getState().lastError?.code).toBe('state.conflict');
  });
});
