import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useAppStore } from '../stores/app';
import { IDLE_APPROVAL_VIEW, useApprovalStore } from '../stores/approval';
import { installFakeKassa } from '../testing/fake-kassa';
import { ApprovalScanCapture, unleak } from './ApprovalScanCapture';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => {
    root.unmount();
  });
  container.remove();
});

/** One scanner burst: keydowns dispatched back to back (far under the 50 ms gap), then Enter. */
function scan(digits: string): KeyboardEvent[] {
  return [...digits.split('').map((d) => `Digit${d}`), 'Enter'].map((code) => {
    const key = code.startsWith('Digit') ? code.slice(5) : code;
    const event = new KeyboardEvent('keydown', { code, key, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event;
  });
}

describe('ApprovalScanCapture', () => {
  it('a receipt QR scanned on the sale screen reaches approval:start, its keys kept from the page', async () => {
    const qrData = '5'.repeat(60);
    const fake = installFakeKassa({
      'approval:state': () => ({ ok: true, value: IDLE_APPROVAL_VIEW }),
      // Main's router decides: a receipt QR on the sale screen opens the approval screen.
      'scan:submit': () => ({
        ok: true,
        value: { kind: 'ebarimt-qr', via: 'open-approval', screen: 'approval' },
      }),
      'approval:start': () => ({
        ok: true,
        value: { ...IDLE_APPROVAL_VIEW, state: 'identifying', pendingQr: true },
      }),
    });
    useAppStore.setState({ tab: 'sale' });
    useApprovalStore.setState({ view: IDLE_APPROVAL_VIEW });
    await act(async () => {
      root.render(<ApprovalScanCapture />);
      await Promise.resolve();
    });
    const events = scan(qrData);
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(events.at(-1)?.defaultPrevented).toBe(true);
    expect(events.slice(2).every((e) => e.defaultPrevented)).toBe(true);
    expect(fake.calls.filter((c) => c.channel === 'approval:start')).toEqual([
      { channel: 'approval:start', input: { qrData } },
    ]);
    expect(useAppStore.getState().tab).toBe('approval');
  });

  it('unleak removes only the scan’s own leaked prefix from the focused field', () => {
    const input = document.createElement('input');
    container.append(input);
    input.value = 'abc12';
    input.focus();
    unleak({ text: '12345678', leaked: 0 });
    expect(input.value).toBe('abc12');
    unleak({ text: '99345678', leaked: 2 });
    expect(input.value).toBe('abc12');
    unleak({ text: '12345678', leaked: 2 });
    expect(input.value).toBe('abc');
  });
});
