/**
 * The one HTTP core every provider client uses: `fetch` with an AbortSignal timeout, an origin allowlist,
 * a secret guard (a secret only ever goes to the origin it was entered for: secret-guard.ts), JSON or form
 * bodies, zod-parsed responses, typed ProviderError, and redacted logs.
 *
 * Clients describe the wire; this file decides what a failure *is*:
 *   connection refused / DNS      → network (certainly never arrived)
 *   reset / socket closed         → network (may have arrived)
 *   no answer within the timeout  → timeout (may have arrived)
 *   401 / 403                     → auth (unless the client's onErrorResponse says otherwise)
 *   other 4xx                     → rejected (the client maps the provider's documented error body)
 *   5xx, HTML, bad JSON, drift    → unexpected
 */
import type { z } from 'zod';
import type { Logger } from '../log/logger';
import type { Redactor } from '../log/redact';
import { ProviderError } from './errors';
import type { SecretGuard } from './secret-guard';

export const DEFAULT_TIMEOUT_MS = 15_000;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface HttpClientOptions {
  /** Provider id used in errors and logs: 'socialpay', 'pocket', 'ebarimt' … */
  provider: string;
  /** Base URL; relative paths resolve against it. Its origin is always allowed. */
  baseUrl: string;
  /** Other origins this provider may be called on (e.g. a separate SSO host). Nothing else is ever contacted. */
  extraOrigins?: readonly string[];
  timeoutMs?: number;
  logger: Logger;
  redactor: Redactor;
  /** Refuses any request that would carry a secret to an origin it was not entered for. */
  secretGuard: SecretGuard;
  /** Injected for tests; defaults to the global fetch. */
  fetchImpl?: typeof fetch;
}

export interface HttpRequest<S extends z.ZodType> {
  method: HttpMethod;
  /** Relative to the base URL (no leading slash keeps the base path), or an absolute URL on an allowed origin. */
  path: string;
  query?: Readonly<Record<string, string | number | undefined>>;
  headers?: Readonly<Record<string, string>>;
  json?: unknown;
  form?: Readonly<Record<string, string>>;
  /** Schema of the successful body. For an empty body use `z.undefined()` or `z.unknown()` with `emptyBody: true`. */
  schema: S;
  /** The body may be empty on success (e.g. iPay refund). */
  emptyBody?: boolean;
  timeoutMs?: number;
  /** Statuses treated as success (default 200–299). */
  okStatus?: (status: number) => boolean;
  /**
   * Turn a non-success response into the provider's documented error. Return undefined to fall back to the
   * generic mapping. `body` is the parsed JSON when the body was JSON, else the raw text.
   */
  onErrorResponse?: (status: number, body: unknown, headers: Headers) => ProviderError | undefined;
  /** Shown in logs instead of the path (e.g. 'invoice.check'), so ids in paths are not logged. */
  operation: string;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

interface NodeSystemError {
  code?: string;
}

function causeCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== null && typeof current === 'object'; depth += 1) {
    const code = (current as NodeSystemError).code;
    if (typeof code === 'string') {
      return code;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const NEVER_ARRIVED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class HttpClient {
  readonly provider: string;
  readonly #base: URL;
  readonly #origins: ReadonlySet<string>;
  readonly #timeoutMs: number;
  readonly #logger: Logger;
  readonly #redactor: Redactor;
  readonly #guard: SecretGuard;
  readonly #fetch: typeof fetch;

  constructor(options: HttpClientOptions) {
    this.provider = options.provider;
    // A trailing slash makes relative paths append to the base path instead of replacing its last segment.
    this.#base = new URL(options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
    this.#origins = new Set([
      this.#base.origin,
      ...(options.extraOrigins ?? []).map((o) => new URL(o).origin),
    ]);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.#logger = options.logger.child({ component: `http.${options.provider}` });
    this.#redactor = options.redactor;
    this.#guard = options.secretGuard;
    this.#fetch = options.fetchImpl ?? fetch;
  }

  get baseUrl(): string {
    return this.#base.toString();
  }

  resolve(path: string, query?: HttpRequest<z.ZodType>['query']): URL {
    const url = new URL(path.replace(/^\/+/, ''), this.#base);
    if (/^[a-z]+:\/\//i.test(path)) {
      url.href = path;
    }
    for (const [key, value] of Object.entries(query ?? {})) {
      if (value !== undefined) {
        url.searchParams.set(key, String(value));
      }
    }
    return url;
  }

  #error(init: Omit<ConstructorParameters<typeof ProviderError>[0], 'provider'>): ProviderError {
    return new ProviderError({
      ...init,
      provider: this.provider,
      message: this.#redactor.text(init.message),
    });
  }

  async request<S extends z.ZodType>(req: HttpRequest<S>): Promise<HttpResponse<z.output<S>>> {
    const url = this.resolve(req.path, req.query);
    if (!this.#origins.has(url.origin)) {
      // Never contact a host the operator did not configure for this provider.
      throw this.#error({
        kind: 'network',
        message: `${this.provider}: refused to call ${url.origin}, which is not this provider's configured address`,
        mayHaveReachedProvider: false,
      });
    }
    const headers = new Headers(req.headers);
    let body: string | undefined;
    if (req.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(req.json);
    } else if (req.form !== undefined) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(req.form as Record<string, string>).toString();
    }
    if (!headers.has('accept')) {
      headers.set('accept', 'application/json');
    }
    const boundTo = this.#guard.violation(url, headers, body);
    if (boundTo !== undefined) {
      this.#logger.warn(
        { op: req.operation, to: url.origin, boundTo },
        `${req.operation}: refused to send a secret to an origin it was not entered for`,
      );
      throw this.#error({
        kind: 'network',
        message: `${this.provider}: refused to send a secret to ${url.origin}; it was entered for ${boundTo} only. Nothing was sent.`,
        mayHaveReachedProvider: false,
      });
    }
    const timeoutMs = req.timeoutMs ?? this.#timeoutMs;
    const started = performance.now();
    let response: Response;
    try {
      response = await this.#fetch(url, {
        method: req.method,
        headers,
        body,
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw this.#transportError(error, req.operation, timeoutMs);
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw this.#transportError(error, req.operation, timeoutMs);
    }
    const ms = Math.round(performance.now() - started);
    this.#logger.debug(
      { op: req.operation, status: response.status, ms },
      `${req.operation}: ${response.status}`,
    );

    const ok = req.okStatus ? req.okStatus(response.status) : response.ok;
    const parsed = this.#parseBody(text, response);
    if (!ok) {
      const mapped = req.onErrorResponse?.(
        response.status,
        parsed.kind === 'json' ? parsed.value : text,
        response.headers,
      );
      if (mapped) {
        throw mapped;
      }
      throw this.#statusError(response.status, parsed, req.operation);
    }
    if (text.trim() === '' && req.emptyBody === true) {
      return {
        status: response.status,
        data: req.schema.parse(undefined),
        headers: response.headers,
      };
    }
    if (parsed.kind !== 'json') {
      throw this.#error({
        kind: 'unexpected',
        status: response.status,
        message:
          parsed.kind === 'html'
            ? `${this.provider}: ${req.operation} answered with an HTML page instead of data (a proxy or maintenance page?)`
            : `${this.provider}: ${req.operation} answered with a body that is not valid JSON`,
      });
    }
    const result = req.schema.safeParse(parsed.value);
    if (!result.success) {
      const where = result.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
        .join('; ');
      this.#logger.warn(
        { op: req.operation, issues: where },
        `${req.operation}: response did not match the expected shape`,
      );
      throw this.#error({
        kind: 'unexpected',
        status: response.status,
        message: `${this.provider}: ${req.operation} answered in an unexpected shape (${where})`,
      });
    }
    return { status: response.status, data: result.data, headers: response.headers };
  }

  #parseBody(
    text: string,
    response: Response,
  ): { kind: 'json'; value: unknown } | { kind: 'html' } | { kind: 'text' } {
    const type = response.headers.get('content-type') ?? '';
    const trimmed = text.trimStart();
    if (type.includes('text/html') || /^<(!doctype|html)/i.test(trimmed)) {
      return { kind: 'html' };
    }
    if (trimmed === '') {
      return { kind: 'text' };
    }
    try {
      return { kind: 'json', value: JSON.parse(text) as unknown };
    } catch {
      return { kind: 'text' };
    }
  }

  #statusError(status: number, parsed: { kind: string }, operation: string): ProviderError {
    if (status === 401 || status === 403) {
      return this.#error({
        kind: 'auth',
        status,
        message: `${this.provider}: ${operation} was refused (${status}): the credentials are wrong or expired`,
      });
    }
    if (status >= 500) {
      return this.#error({
        kind: 'unexpected',
        status,
        message: `${this.provider}: ${operation} failed on the provider's side (${status})${parsed.kind === 'html' ? ', HTML error page' : ''}`,
      });
    }
    return this.#error({
      kind: 'rejected',
      status,
      message: `${this.provider}: ${operation} was rejected (${status})`,
    });
  }

  #transportError(error: unknown, operation: string, timeoutMs: number): ProviderError {
    const name = error instanceof Error ? error.name : '';
    if (name === 'TimeoutError' || name === 'AbortError') {
      return this.#error({
        kind: 'timeout',
        message: `${this.provider}: ${operation} got no answer within ${Math.round(timeoutMs / 1000)} s`,
        cause: error,
      });
    }
    const code = causeCode(error);
    const neverArrived = code !== undefined && NEVER_ARRIVED.has(code);
    return this.#error({
      kind: 'network',
      message: neverArrived
        ? `${this.provider}: cannot reach the provider (${code}); nothing was sent`
        : `${this.provider}: the connection broke during ${operation} (${code ?? 'network error'})`,
      mayHaveReachedProvider: !neverArrived,
      cause: error,
    });
  }
}
