/**
 * The typed error every provider client throws. `message` is cashier-readable (English); `messages` may carry
 * the same text in other languages for providers whose documents define them. Never a secret in any field.
 */
export type ProviderKind = 'network' | 'timeout' | 'auth' | 'rejected' | 'unexpected';

export interface ProviderErrorInit {
  provider: string;
  kind: ProviderKind;
  message: string;
  status?: number;
  /** The provider's own error code (resp_code, BaaS code, eBarimt code …). */
  code?: string;
  /** Localised messages keyed by locale (mn, en, ru, uz, ka) when the provider's codes have them. */
  messages?: Readonly<Record<string, string>>;
  /**
   * False only when the request certainly never reached the provider (connection refused, DNS failure, origin
   * not allowed). A payment whose start failed this way may be sent again; anything else is resolved by asking
   * the provider, never by re-sending.
   */
  mayHaveReachedProvider?: boolean;
  cause?: unknown;
}

export class ProviderError extends Error {
  readonly provider: string;
  readonly kind: ProviderKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly messages: Readonly<Record<string, string>>;
  readonly mayHaveReachedProvider: boolean;

  constructor(init: ProviderErrorInit) {
    super(init.message, { cause: init.cause });
    this.name = 'ProviderError';
    this.provider = init.provider;
    this.kind = init.kind;
    this.status = init.status;
    this.code = init.code;
    this.messages = init.messages ?? {};
    this.mayHaveReachedProvider = init.mayHaveReachedProvider ?? true;
  }
}

export function isProviderError(value: unknown): value is ProviderError {
  return value instanceof ProviderError;
}
