import { describe, expect, it } from 'vitest';
import type { DisplayViewModel } from '../../../shared/channels/display';
import type { KassaDisplayApi } from '../../../shared/contract';
import { useDisplayStore } from './display';

const older: DisplayViewModel = { state: 'welcome', locale: 'mn', storeName: 'Old name' };
const newer: DisplayViewModel = { state: 'welcome', locale: 'ru', storeName: 'New name' };

describe('display store', () => {
  it('keeps a push that arrived before the display:ready reply (it is at least as new)', async () => {
    let push: ((view: DisplayViewModel) => void) | undefined;
    let unsubscribed = false;
    const api: KassaDisplayApi = {
      onUpdate: (listener) => {
        push = listener;
        return () => {
          unsubscribed = true;
        };
      },
      displayReady: () => {
        // The host pushes while the reply is on its way.
        push?.(newer);
        return Promise.resolve({ ok: true, value: older });
      },
    };
    window.kassaDisplay = api;

    const off = await useDisplayStore.getState().start();

    expect(useDisplayStore.getState().view).toEqual(newer);
    off();
    expect(unsubscribed).toBe(true);
  });
});
