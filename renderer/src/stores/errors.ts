/**
 * The error a store keeps for the screen to show: the stable code (for logic and tests) and the host's
 * message (for people). Never a stack trace.
 */
import type { Envelope, ErrorCode, IpcError } from '../../../shared/errors';

export interface ShownError {
  code: ErrorCode;
  /** The host's message, for the log and support; screens word the code (screens/error-text.ts). */
  message: string;
  params?: IpcError['params'];
}

export function shown(error: IpcError): ShownError {
  return { code: error.code, message: error.message, ...(error.params ? { params: error.params } : {}) };
}

let forbiddenListener: () => void = () => undefined;

/** The session store re-reads who is signed in whenever main answers `forbidden` (a session may have ended). */
export function onForbidden(listener: () => void): void {
  forbiddenListener = listener;
}

/**
 * Run one bridge call; a thrown error (no bridge, page opened without its token) becomes an error envelope,
 * so every store action handles exactly one shape.
 */
export async function call<T>(invoke: () => Promise<Envelope<T>>): Promise<Envelope<T>> {
  try {
    const envelope = await invoke();
    if (!envelope.ok && envelope.error.code === 'forbidden') {
      forbiddenListener();
    }
    return envelope;
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
