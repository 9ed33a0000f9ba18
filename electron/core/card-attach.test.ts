/**
 * The card attach channels through the core (sandbox, UZ): zod at the boundary, the SMS the sandbox customer
 * phone shows, attached — and the card number in no answer, no log line and no file of the data dir.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { CardAttachView } from '../../shared/channels/card';
import { readAllFiles } from '../kernel/testing/temp-dir';
import { closeTills, openTestTill, value } from '../testing/till';

afterEach(closeTills);

const PAN = '9860123412341234';

describe('card:attach-* through the core', () => {
  it('start → sandbox SMS → confirm; a malformed card never reaches the bank', async () => {
    const till = openTestTill();
    const { kassa } = till;
    value(
      await kassa.invoke('operator', 'settings:set', { settings: { ...till.settings.get(), country: 'UZ' } }),
    );

    const bad = await kassa.invoke('cashier', 'card:attach-start', {
      pan: '1234',
      expiry: '2813',
      processingType: 'HUMO',
      phone: '998901234567',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });

    const started = value<CardAttachView>(
      await kassa.invoke('cashier', 'card:attach-start', {
        pan: PAN,
        expiry: '2812',
        processingType: 'HUMO',
        phone: '+998 90 123 45 67',
      }),
    );
    expect(started).toMatchObject({ state: 'awaiting-code', maskedPan: '9860********1234' });
    const wrong = await kassa.invoke('cashier', 'card:attach-confirm', {
      attachId: started.attachId,
      code: '0000000',
    });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'card.code-wrong' } });
    const { code } = value<{ code: string }>(
      await kassa.invoke('cashier', 'sandbox:card-sms', { attachId: started.attachId }),
    );
    const attached = value<CardAttachView>(
      await kassa.invoke('cashier', 'card:attach-confirm', { attachId: started.attachId, code }),
    );
    expect(attached.state).toBe('attached');

    const sims = await till.simulators();
    expect(sims.baas.requests.filter((r) => r.path.includes('/cards/attach')).length).toBe(3);
    expect(till.lines.join('\n')).not.toContain(PAN);
    expect(readAllFiles(till.dataDir).join('\n')).not.toContain(PAN);
  });
});
