/** Test helper: the PrinterTransportError a promise rejects with (fails the test when it resolves or throws another). */
import { expect } from 'vitest';
import { PrinterTransportError } from '../transports/transport';

export async function failureOf(promise: Promise<unknown>): Promise<PrinterTransportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PrinterTransportError);
  return error as PrinterTransportError;
}
