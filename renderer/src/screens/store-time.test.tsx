/**
 * Times on the screens are the store's wall clock (settings.store.timeZone, `auto` → the country's), never the
 * computer's: a fixed instant reads as Ulaanbaatar time whatever process.env.TZ says (vi.stubEnv: Node re-reads TZ when it changes).
 */
import { act } from 'react';
import type { Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings, type Settings } from '../../../shared/settings';
import { createCashierI18n } from '../i18n';
import { useSaleStore } from '../stores/sale';
import { useSettingsStore } from '../stores/settings';
import { dateTimeText, timeText } from './format';
import { RecallDialog } from './sale/RecallDialog';
import { mountTestRoot, unmountTestRoot } from '../testing/test-root';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** 2026-11-30 01:05:09 UTC = 09:05:09 in Ulaanbaatar (UTC+8), 05:05:09 in Tbilisi, 20:05:09 the day before in New York. */
const INSTANT = Date.UTC(2026, 10, 30, 1, 5, 9);
/** Computer zones and the hour INSTANT has on their clocks. */
const COMPUTER_ZONES = [
  { zone: 'America/New_York', hour: 20 },
  { zone: 'UTC', hour: 1 },
  { zone: 'Asia/Tokyo', hour: 10 },
];

let container: HTMLDivElement;
let root: Root;

function settingsWith(timeZone: string, country: Settings['country'] = 'MN'): Settings {
  const base = defaultSettings();
  return { ...base, country, store: { ...base.store, timeZone } };
}

beforeEach(() => {
  ({ container, root } = mountTestRoot());
});
afterEach(() => {
  unmountTestRoot(root, container);
  vi.unstubAllEnvs();
});

describe('store time on the screens', () => {
  it.each(COMPUTER_ZONES)(
    'a fixed instant is Ulaanbaatar time on a computer set to $zone',
    ({ zone, hour }) => {
      vi.stubEnv('TZ', zone);
      // The computer's own clock really is set elsewhere (else this test could not fail).
      expect(new Date(INSTANT).getHours()).toBe(hour);
      expect(timeText(INSTANT, 'Asia/Ulaanbaatar')).toBe('09:05');
      expect(dateTimeText(INSTANT, 'Asia/Ulaanbaatar')).toBe('2026-11-30 09:05:09');
      expect(dateTimeText('2026-11-30T01:05:09.000Z', 'Asia/Ulaanbaatar')).toBe('2026-11-30 09:05:09');
    },
  );

  it('PosAPI’s wall-clock date is shown as it is, not re-zoned', () => {
    vi.stubEnv('TZ', 'America/New_York');
    expect(dateTimeText('2026-11-30 09:05:09', 'Asia/Tbilisi')).toBe('2026-11-30 09:05:09');
  });

  it('a screen shows the saved store zone: auto (Mongolia), then a chosen one', () => {
    vi.stubEnv('TZ', 'America/New_York');
    useSaleStore.setState({
      held: [{ id: 'S1', number: 7, total: 1000, currency: 'MNT', lineCount: 1, updatedAt: INSTANT }],
    });
    const settings = settingsWith('auto');
    useSettingsStore.setState({ saved: settings, draft: settings });
    act(() => {
      root.render(
        <I18nextProvider i18n={createCashierI18n('en')}>
          <RecallDialog onClose={() => undefined} />
        </I18nextProvider>,
      );
    });
    expect(container.textContent).toContain('09:05');
    // An unsaved draft changes nothing; the saved zone does.
    act(() => {
      useSettingsStore.setState({ draft: settingsWith('Asia/Tbilisi') });
    });
    expect(container.textContent).toContain('09:05');
    act(() => {
      useSettingsStore.setState({ saved: settingsWith('Asia/Tbilisi') });
    });
    expect(container.textContent).toContain('05:05');
    expect(container.textContent).not.toContain('20:05');
  });
});
