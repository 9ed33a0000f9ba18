import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, channels, roleMayInvoke, type ChannelName } from '../../shared/contract';
import { KassaError } from '../kernel/errors';
import { createCapturingLogger } from '../log/logger';
import { ProviderError } from '../providers/errors';
import { handle, type AllHandlers } from './handle';

function spyHandlers(): { handlers: AllHandlers; calls: () => number } {
  const spy = vi.fn(() => Promise.resolve({}));
  const handlers = Object.fromEntries(CHANNEL_NAMES.map((name) => [name, spy])) as unknown as AllHandlers;
  return { handlers, calls: () => spy.mock.calls.length };
}

const MALFORMED: readonly unknown[] = [null, undefined, 'text', 42, [], { unexpectedField: 1 }];

describe('handle()', () => {
  it.each(CHANNEL_NAMES)(
    '%s rejects malformed input with code "validation" and calls nothing',
    async (name) => {
      const { handlers, calls } = spyHandlers();
      const { logger, redactor } = createCapturingLogger();
      for (const input of MALFORMED) {
        const result = await handle({ handlers, logger, redactor }, 'operator', name, input);
        expect(result.ok).toBe(false);
        if (!result.ok) {
          expect(result.error.code).toBe('validation');
          expect(result.error.message).toContain(name);
        }
      }
      expect(calls()).toBe(0);
    },
  );

  it('rejects arbitrary JSON that does not match any input schema, calling nothing', async () => {
    const { handlers, calls } = spyHandlers();
    const { logger, redactor } = createCapturingLogger();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CHANNEL_NAMES),
        fc.jsonValue(),
        async (name: ChannelName, input) => {
          fc.pre(!channels[name].input.safeParse(input).success);
          const before = calls();
          const result = await handle({ handlers, logger, redactor }, 'operator', name, input);
          expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
          expect(calls()).toBe(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('refuses channels the display role may not use, before parsing', async () => {
    const { handlers, calls } = spyHandlers();
    const { logger, redactor } = createCapturingLogger();
    const cashierOnly = CHANNEL_NAMES.filter((name) => !roleMayInvoke('display', name));
    expect(cashierOnly.length).toBeGreaterThan(0);
    for (const name of cashierOnly) {
      const result = await handle({ handlers, logger, redactor }, 'display', name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(calls()).toBe(0);
  });

  it('refuses a cashier every manager channel before parsing, saying a manager may', async () => {
    const { handlers, calls } = spyHandlers();
    const { logger, redactor } = createCapturingLogger();
    const managerOnly = CHANNEL_NAMES.filter(
      (name) => roleMayInvoke('manager', name) && !roleMayInvoke('cashier', name),
    );
    expect(managerOnly).toEqual(
      expect.arrayContaining([
        'settings:set',
        'profile:switch',
        'secrets:set',
        'payment:refund',
        'catalog:import-csv',
        'app:doctor',
      ]),
    );
    for (const name of managerOnly) {
      const result = await handle({ handlers, logger, redactor }, 'cashier', name, {});
      expect(result, name).toMatchObject({
        ok: false,
        error: { code: 'forbidden', params: { channel: name, needs: 'manager' } },
      });
    }
    expect(calls()).toBe(0);
  });

  it('lets a manager through to manager channels, but not to the operator’s', async () => {
    const { handlers, calls } = spyHandlers();
    const { logger, redactor } = createCapturingLogger();
    expect(await handle({ handlers, logger, redactor }, 'manager', 'secrets:status', {})).toMatchObject({
      ok: true,
    });
    expect(calls()).toBe(1);
    const add = await handle({ handlers, logger, redactor }, 'manager', 'managers:add', {
      name: 'Boss',
      pin: '1234',
    });
    expect(add).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(calls()).toBe(1);
    expect(
      await handle({ handlers, logger, redactor }, 'operator', 'managers:add', { name: 'Boss', pin: '1234' }),
    ).toMatchObject({ ok: true });
  });

  it('answers not_found for unknown channels', async () => {
    const { handlers } = spyHandlers();
    const { logger, redactor } = createCapturingLogger();
    expect(await handle({ handlers, logger, redactor }, 'cashier', 'secrets:read', {})).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('maps KassaError and ProviderError to stable codes and hides everything else', async () => {
    const { handlers } = spyHandlers();
    const { logger, redactor, lines } = createCapturingLogger();
    redactor.addValue('topsecretvalue');
    const deps = { handlers, logger, redactor };
    handlers['app:info'] = () => Promise.reject(new KassaError('state.conflict', 'busy'));
    expect(await handle(deps, 'cashier', 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'state.conflict', message: 'busy' },
    });
    handlers['app:info'] = () =>
      Promise.reject(
        new ProviderError({ provider: 'pocket', kind: 'timeout', message: 'pocket: no answer', code: 'X1' }),
      );
    expect(await handle(deps, 'cashier', 'app:info', {})).toMatchObject({
      ok: false,
      error: { code: 'provider.timeout', providerCode: 'X1' },
    });
    handlers['app:info'] = () => Promise.reject(new Error('db path /secret/topsecretvalue exploded'));
    const internal = await handle(deps, 'cashier', 'app:info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('topsecretvalue');
    expect(lines.join('')).not.toContain('topsecretvalue');
  });
});
