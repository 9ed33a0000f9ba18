import { beforeEach, describe, expect, it } from 'vitest';
import type { ApprovalViewModel } from '../../../shared/channels/approval';
import { installFakeKassa, type FakeHandlers } from '../testing/fake-kassa';
import { useAppStore } from './app';
import { IDLE_APPROVAL_VIEW, useApprovalStore } from './approval';

const identifying: ApprovalViewModel = { ...IDLE_APPROVAL_VIEW, state: 'identifying', pendingQr: true };
const confirm: ApprovalViewModel = {
  ...IDLE_APPROVAL_VIEW,
  state: 'confirm',
  buyer: { name: 'Батын Болд', customerNoMasked: '10****71', emailMasked: null, identifiedBy: 'regno' },
};
const ok = (value: ApprovalViewModel) => () => ({ ok: true as const, value });

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
