/**
 * Issue #13 finding 4: an error message pointed at a SocialPay terminal field that did not exist. Every
 * "not configured" error a provider client raises names a settings path; each of those paths is a field on the
 * Go live page (shared/settings/provider-fields.ts, rendered field by field by the Settings screen).
 */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../shared/settings';
import { PROVIDER_FIELDS } from '../../shared/settings/provider-fields';
import { KassaError } from '../kernel/errors';
import { checkClientId, checkTerminalId } from './pocket/input';
import { checkTerminal } from './socialpay/input';

function thrown(run: () => unknown): KassaError {
  try {
    run();
  } catch (error) {
    if (error instanceof KassaError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a KassaError');
}

/** `providers.socialpay.terminal` is a Go live field. */
function isGoLiveField(path: string): boolean {
  const [root, provider, ...rest] = path.split('.');
  const fields: readonly { key: string }[] | undefined =
    root === 'providers' ? PROVIDER_FIELDS[provider as keyof typeof PROVIDER_FIELDS] : undefined;
  return fields?.some((f) => f.key === rest.join('.')) ?? false;
}

describe('provider configuration errors point at real fields', () => {
  it.each([
    ['SocialPay terminal', () => checkTerminal(defaultSettings().providers.socialpay.terminal)],
    ['Pocket terminal id', () => checkTerminalId(defaultSettings().providers.pocket.terminalId)],
    ['Pocket client id', () => checkClientId(defaultSettings().providers.pocket.clientId)],
  ])('%s: the issue path is a Go live field and the message says where it is', (_what, run) => {
    const error = thrown(run);
    expect(error.code).toBe('validation');
    const paths = (error.issues ?? []).map((i) => i.path);
    expect(paths.length).toBeGreaterThan(0);
    for (const path of paths) {
      expect(isGoLiveField(path), path).toBe(true);
    }
    expect(error.message).toContain('Settings → Go live →');
  });
});
