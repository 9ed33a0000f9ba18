import { beforeEach, describe, expect, it } from 'vitest';
import { installFakeKassa } from '../testing/fake-kassa';
import { useScanStore } from './scan';

beforeEach(() => {
  useScanStore.setState({ entry: '', notice: null, dialogs: 0 });
});

describe('scan store', () => {
  it('Enter in the barcode field sends the typed code once (N*code as N), and empties the field', async () => {
    const { calls } = installFakeKassa({ 'scan:submit': () => ({ ok: true, value: {} }) });
    useScanStore.getState().setEntry(' 2*MN-MILK-1L ');
    await useScanStore.getState().submitEntry();
    useScanStore.getState().setEntry('8650001000015');
    await useScanStore.getState().submitEntry();
    // `3*` alone waits for its scan; nothing is sent.
    useScanStore.getState().setEntry('3*');
    await useScanStore.getState().submitEntry();
    expect(calls.map((c) => c.input)).toEqual([
      { text: 'MN-MILK-1L', source: 'keyboard', quantity: 2 },
      { text: '8650001000015', source: 'keyboard' },
    ]);
    expect(useScanStore.getState().entry).toBe('3*');
  });

  it('a scan that never reached main is shown by its code', async () => {
    installFakeKassa({
      'scan:submit': () => ({ ok: false, error: { code: 'internal', message: 'The connection was lost.' } }),
    });
    await useScanStore.getState().submitWedge('4006381333931', null);
    expect(useScanStore.getState().notice).toEqual({ kind: 'unsent', code: 'internal' });
    useScanStore.getState().setEntry('1');
    expect(useScanStore.getState().notice).toBeNull();
  });

  it('takes back only what the scan typed at the end of the field', () => {
    useScanStore.setState({ entry: '12₮?' });
    useScanStore.getState().takeBackFromEntry('₮?');
    expect(useScanStore.getState().entry).toBe('12');
    useScanStore.getState().takeBackFromEntry('40');
    expect(useScanStore.getState().entry).toBe('12');
  });

  it('counts open dialogs; closing twice counts once', () => {
    const closeA = useScanStore.getState().dialogOpened();
    const closeB = useScanStore.getState().dialogOpened();
    expect(useScanStore.getState().dialogs).toBe(2);
    closeA();
    closeA();
    expect(useScanStore.getState().dialogs).toBe(1);
    closeB();
    expect(useScanStore.getState().dialogs).toBe(0);
  });
});
