/** What the BaaS simulator's route files share: the clock, the SMS TTL and the envelope answers. */
import type { SimReply } from '../simulator-kit';

export interface BaasSimShared {
  now(): number;
  smsTtlMs: number;
  errorStatus: 200 | 400;
  ok(id: string, result: unknown): SimReply;
}

export function envelopeError(shared: BaasSimShared, id: string, code: number, message: string): SimReply {
  return { status: shared.errorStatus, body: { id, result: null, error: { code, message } } };
}

export function validation(shared: BaasSimShared, id: string, field: string, message: string): SimReply {
  return envelopeError(shared, id, 4, `Validation Error. Field: ${field}, message: ${message}`);
}

/** Remove a field (dot path) from a JSON body. */
export function dropPath(target: unknown, path: string): void {
  const parts = path.split('.');
  let node: unknown = target;
  for (const part of parts.slice(0, -1)) {
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  const last = parts.at(-1);
  if (node !== null && typeof node === 'object' && last !== undefined) {
    Reflect.deleteProperty(node, last);
  }
}
