/** The sandbox:scan channel: the sandbox profile's virtual HID POS scanner scans the given text. */
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { SandboxScanner } from './types';

export function createSandboxScannerHandlers(deps: {
  /** The scanner and its device key while the till is in the sandbox profile, else undefined. */
  scanner(): { scanner: SandboxScanner; deviceId: string } | undefined;
}): Pick<HandlerMap<'sandbox'>, 'sandbox:scan'> {
  return {
    'sandbox:scan': ({ text, symbology }) => {
      const current = deps.scanner();
      if (current === undefined) {
        throw new KassaError('forbidden', 'The sandbox scanner exists only in the sandbox profile.');
      }
      return Promise.resolve({ ...current.scanner.scan(text, symbology), deviceId: current.deviceId });
    },
  };
}
