/** The sandbox:scan channel: the sandbox profile's virtual HID POS scanner scans the given text. */
import { KassaError } from '../kernel/errors';
import type { HandlerMap } from '../kernel/handlers';
import type { SandboxScanner } from './types';

export function createSandboxScannerHandlers(deps: {
  /** The scanner while the till is in the sandbox profile, else undefined. */
  scanner(): SandboxScanner | undefined;
}): Pick<HandlerMap<'sandbox'>, 'sandbox:scan'> {
  return {
    'sandbox:scan': ({ text, symbology }) => {
      const scanner = deps.scanner();
      if (scanner === undefined) {
        throw new KassaError('forbidden', 'The sandbox scanner exists only in the sandbox profile.');
      }
      return Promise.resolve(scanner.scan(text, symbology));
    },
  };
}
