/**
 * A strict, stateful Ipoteka-bank BaaS Gateway simulator on loopback. It checks what the bank documents —
 * Basic consumer credentials + JSON password grant, Bearer tokens with a real lifetime (401 with the Spring
 * `WWW-Authenticate: Bearer … error="invalid_token"` challenge), the `{id, params}` envelope, field validation
 * answered as code 4 "Validation Error. Field: …" — and keeps card attachments (SMS codes with a TTL) and loan
 * applications. Where the bank publishes nothing (attach confirm, application status, result shapes) it follows
 * the proposal of docs/providers.md §6.5.
 */
import { randomBytes, randomInt } from 'node:crypto';
import type { BaasSettings } from '../../../shared/settings/baas';
import { systemClock, type Clock } from '../../kernel/clock';
import {
  SimTokenIssuer,
  parseBasicAuth,
  startSimulatorServer,
  type RunningSimulator,
  type SimReply,
  type SimRequest,
} from '../simulator-kit';
import { attachRoutes, type SimAttachment } from './sim-cards';
import { applicationRoutes, type SimApplication } from './sim-loans';
import { dropPath, envelopeError, type BaasSimShared } from './sim-shared';

export type { SimAttachment } from './sim-cards';
export type { SimApplication } from './sim-loans';

export interface BaasSimulatorOptions {
  port?: number;
  clock?: Clock;
  /** Token lifetime (default 3600 s, as in the bank's example). */
  tokenLifetimeMs?: number;
  /** How long an SMS code is valid; a resend is refused with 1007 until then (default 120 s). */
  smsTtlMs?: number;
  /** Business and validation errors as HTTP 200 (default) or 400: the bank does not say which it uses. */
  errorStatus?: 200 | 400;
}

export interface BaasSandbox {
  settings: Pick<BaasSettings, 'baseUrl' | 'consumerKey' | 'username'>;
  secrets: { 'baas.consumerSecret': string; 'baas.password': string };
}

export interface BaasSimulator extends RunningSimulator {
  readonly sandbox: BaasSandbox;
  /** The SMS code the "processing centre" sent for this attachment (tests and the sandbox only). */
  smsCodeFor(attachId: string): string;
  attachment(attachId: string): Readonly<SimAttachment> | undefined;
  application(externalId: string): Readonly<SimApplication> | undefined;
  /** Scoring answer for applications from this phone: 1002 (overdue loans) or 1003 (high risk). */
  refuseScoring(phoneNumber: string, code: 1002 | 1003): void;
  /** Move an application on: 'IN_PROGRESS' → 'APPROVED' | 'REJECTED'. */
  setApplicationStatus(externalId: string, status: 'IN_PROGRESS' | 'APPROVED' | 'REJECTED'): void;
  /** Answer the next API call (not the token call) with this error envelope. */
  errorNext(code: number, message?: string): void;
  expireTokens(): void;
  setTokenLifetime(ms: number): void;
  tokenRequests(): number;
  /** Remove a field (dot path, e.g. 'result.attachId') from the next successful answer. */
  dropFieldNext(path: string): void;
}

const TOKEN_PATH = '/oauth2/token';

/** The bank's own texts for codes the simulator can only raise on request. */
const BANK_TEXT: Readonly<Record<number, string>> = {
  1: 'Unknown Error. Please contact support',
  2: 'Request contains invalid JSON format',
  3: "Field: expiry, value is invalid and can't be parsed. Message: Text could not be parsed",
  4: 'Validation Error. Field: params, message: Field must be not null',
  5: "The API doesn't support HTTP method: GET. Supported HTTP methods: [POST]",
  1004: 'External service returned null response',
  1005: 'External service returned failed response. Response code: 96, message: System malfunction',
  1006: 'Service could not send SMS to attach card',
};

export async function startBaasSimulator(opts: BaasSimulatorOptions = {}): Promise<BaasSimulator> {
  const clock = opts.clock ?? systemClock;
  const issuer = new SimTokenIssuer(opts.tokenLifetimeMs ?? 3_600_000, () => clock.now());
  const creds = {
    consumerKey: `sim-consumer-${randomBytes(4).toString('hex')}`,
    consumerSecret: randomBytes(18).toString('base64url'),
    username: `kassa-${randomInt(1000, 9999)}`,
    password: randomBytes(12).toString('base64url'),
  };
  const drops: string[] = [];
  const forced: { code: number; message: string }[] = [];
  const attachments = new Map<string, SimAttachment>();
  const applications = new Map<string, SimApplication>();
  const refusals = new Map<string, 1002 | 1003>();

  const shared: BaasSimShared = {
    now: () => clock.now(),
    smsTtlMs: opts.smsTtlMs ?? 120_000,
    errorStatus: opts.errorStatus ?? 200,
    ok(id, result) {
      const body = { id, result, error: null };
      const drop = drops.shift();
      if (drop !== undefined) {
        dropPath(body, drop);
      }
      return { status: 200, body };
    },
  };
  const cards = attachRoutes(shared, attachments);
  const loans = applicationRoutes(shared, applications, refusals);

  const token = (req: SimRequest): SimReply => {
    const basic = parseBasicAuth(req.headers.authorization);
    if (basic?.user !== creds.consumerKey || basic.pass !== creds.consumerSecret) {
      return {
        status: 401,
        body: { error: 'unauthorized', error_description: 'Full authentication is required' },
        headers: { 'www-authenticate': 'Basic realm="oauth2/client"' },
      };
    }
    const body = req.body as Record<string, unknown> | undefined;
    if (!req.headers['content-type']?.includes('application/json') || body?.grant_type !== 'password') {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'grant_type must be password' },
      };
    }
    if (body.username !== creds.username || body.password !== creds.password) {
      return { status: 400, body: { error: 'invalid_grant', error_description: 'Bad credentials' } };
    }
    const issued = issuer.issue();
    return {
      status: 200,
      body: {
        access_token: issued.token,
        scope: 'default',
        token_type: 'Bearer',
        expires_in: Math.floor(issuer.lifetimeMs / 1000),
      },
    };
  };

  const route = (req: SimRequest): SimReply => {
    if (req.path === TOKEN_PATH && req.method === 'POST') {
      return token(req);
    }
    const auth = issuer.check(req.headers.authorization);
    if (auth !== 'ok') {
      const description =
        auth === 'expired' ? 'The access token expired' : 'The token is malformed or invalid.';
      return {
        status: 401,
        body: '',
        headers: {
          'www-authenticate': `Bearer realm="oauth2-resource", error="invalid_token", error_description="${description}"`,
        },
      };
    }
    const body = req.body as Record<string, unknown> | undefined;
    const id = typeof body?.id === 'string' ? body.id : crypto.randomUUID();
    if (req.method !== 'POST') {
      return envelopeError(
        shared,
        id,
        5,
        `The API doesn't support HTTP method: ${req.method}. Supported HTTP methods: [POST]`,
      );
    }
    if (req.bodyInvalid) {
      return envelopeError(shared, id, 2, BANK_TEXT[2] ?? '');
    }
    const next = forced.shift();
    if (next !== undefined) {
      return envelopeError(shared, id, next.code, next.message);
    }
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
      return envelopeError(shared, id, 4, 'Validation Error. Field: id, message: must be a valid UUID');
    }
    const params = body?.params;
    if (params === null || typeof params !== 'object' || Array.isArray(params)) {
      return envelopeError(shared, id, 4, 'Validation Error. Field: params, message: Field must be not null');
    }
    const p = params as Record<string, unknown>;
    return (
      cards(req.path, id, p) ??
      loans(req.path, id, p) ?? {
        status: 404,
        body: { id, result: null, error: { code: 1, message: 'Unknown Error. Please contact support' } },
      }
    );
  };

  const server = await startSimulatorServer(route, opts.port === undefined ? {} : { port: opts.port });
  return {
    ...server,
    sandbox: {
      settings: { baseUrl: server.url, consumerKey: creds.consumerKey, username: creds.username },
      secrets: { 'baas.consumerSecret': creds.consumerSecret, 'baas.password': creds.password },
    },
    smsCodeFor(attachId) {
      const found = attachments.get(attachId);
      if (found === undefined) {
        throw new Error(`baas simulator: no attachment ${attachId}`);
      }
      return found.smsCode;
    },
    attachment: (attachId) => attachments.get(attachId),
    application: (externalId) => applications.get(externalId),
    refuseScoring(phoneNumber, code) {
      refusals.set(phoneNumber, code);
    },
    setApplicationStatus(externalId, status) {
      const found = applications.get(externalId);
      if (found === undefined) {
        throw new Error(`baas simulator: no application ${externalId}`);
      }
      found.status = status;
    },
    errorNext(code, message) {
      forced.push({ code, message: message ?? BANK_TEXT[code] ?? `Simulated error ${code}` });
    },
    expireTokens() {
      issuer.expireAll();
    },
    setTokenLifetime(ms) {
      issuer.lifetimeMs = ms;
    },
    tokenRequests: () => server.requests.filter((r) => r.path === TOKEN_PATH).length,
    dropFieldNext(path) {
      drops.push(path);
    },
  };
}
