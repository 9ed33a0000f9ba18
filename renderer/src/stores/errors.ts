/**
 * The error a store keeps for the screen to show: the stable code (for logic and tests) and the host's
 * message (for people). Never a stack trace.
 */
import type { Envelope, ErrorCode, IpcError } from '../../../shared/errors';

export interface ShownError {
  code: ErrorCode;
  message: string;
}

export function shown(error: IpcError): ShownError {
  return { code: error.code, message: error.message };
}

/**
 * Run one bridge call; a thrown error (no bridge, page opened without its token) becomes an error envelope,
 * so every store action handles exactly one shape.
 */
export async function call<T>(invoke: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    return await invoke();
  } catch (error) {
    return {
      ok: false,
      error: { code: 'internal', message: error instanceof Error ? error.message : String(error) },
    };
  }
}

/** Field errors by settings path ("store.name"), from a validation envelope's issues. */
export function fieldErrorsOf(error: IpcError, stripPrefix: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues ?? []) {
    const path = issue.path.startsWith(stripPrefix) ? issue.path.slice(stripPrefix.length) : issue.path;
    out[path] ??= issue.message;
  }
  return out;
}
