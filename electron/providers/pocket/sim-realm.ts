/**
 * The simulator's Keycloak realm: client_credentials and refresh_token grants, RFC 7662 introspection, the
 * JWKS, and RS256 consumer ID tokens signed with a key generated per run. Answers use Keycloak's error bodies.
 */
import { randomBytes } from 'node:crypto';
import {
  SignJWT,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';
import { SimTokenIssuer, parseBasicAuth, type SimReply, type SimRequest } from '../simulator-kit';
import { REALM_PATHS } from './client';

export const REALM_PREFIX = '/auth/realms/invescore';
const REFRESH_LIFETIME_MS = 604_800_000;

export interface ConsumerTokenOptions {
  subject?: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now; negative for an already-expired token. */
  expiresInSec?: number;
  /** Sign with a key the realm does not publish (a forged token). */
  forged?: boolean;
}

interface RealmKeys {
  privateKey: CryptoKey;
  publicJwk: JWK;
}

/**
 * RSA key generation costs a few hundred ms; one pair per process run (not per simulator) keeps tests fast
 * while every run still signs with a fresh key.
 */
let realmPair: Promise<CryptoKeyPair> | undefined;
/** A key no realm publishes: tokens signed with it are forgeries. Made only when a test asks for one. */
let forgerPair: Promise<CryptoKeyPair> | undefined;
interface CryptoKeyPair {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

export class SimRealm {
  readonly clientId = `kassa-sim-${randomBytes(4).toString('hex')}`;
  readonly clientSecret = `sim-secret-${randomBytes(24).toString('hex')}`;
  readonly access = new SimTokenIssuer(600_000);
  readonly grants = { client_credentials: 0, refresh_token: 0 };
  readonly #refresh = new Map<string, number>();
  readonly #kid = randomBytes(8).toString('hex');
  #issuer = '';
  #keys: RealmKeys | undefined;

  async init(issuer: string): Promise<void> {
    this.#issuer = issuer;
    realmPair ??= generateKeyPair('RS256');
    const pair = await realmPair;
    this.#keys = {
      privateKey: pair.privateKey,
      publicJwk: { ...(await exportJWK(pair.publicKey)), kid: this.#kid, alg: 'RS256', use: 'sig' },
    };
  }

  get issuer(): string {
    return this.#issuer;
  }

  #need(): RealmKeys {
    if (!this.#keys) {
      throw new Error('pocket simulator: realm not initialised');
    }
    return this.#keys;
  }

  async issueConsumerToken(options: ConsumerTokenOptions = {}): Promise<string> {
    const keys = this.#need();
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ typ: 'ID', azp: options.audience ?? this.clientId })
      .setProtectedHeader({ alg: 'RS256', kid: this.#kid, typ: 'JWT' })
      .setSubject(options.subject ?? `consumer-${randomBytes(4).toString('hex')}`)
      .setIssuer(options.issuer ?? this.#issuer)
      .setAudience(options.audience ?? this.clientId)
      .setIssuedAt(now)
      .setExpirationTime(now + (options.expiresInSec ?? 300))
      .sign(
        options.forged === true
          ? (await (forgerPair ??= generateKeyPair('RS256'))).privateKey
          : keys.privateKey,
      );
  }

  async verifyConsumerToken(token: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.#need().publicJwk, {
        issuer: this.#issuer,
        algorithms: ['RS256'],
      });
      return payload;
    } catch {
      return undefined;
    }
  }

  /** Handles realm paths; undefined for anything else. */
  async route(req: SimRequest): Promise<SimReply | undefined> {
    const path = req.path.startsWith(REALM_PREFIX) ? req.path.slice(REALM_PREFIX.length) : '';
    switch (path) {
      case REALM_PATHS.certs:
        return { status: 200, body: { keys: [this.#need().publicJwk] } };
      case '/.well-known/openid-configuration':
        return {
          status: 200,
          body: {
            issuer: this.#issuer,
            token_endpoint: this.#issuer + REALM_PATHS.token,
            introspection_endpoint: this.#issuer + REALM_PATHS.introspect,
            jwks_uri: this.#issuer + REALM_PATHS.certs,
          },
        };
      case REALM_PATHS.token:
        return this.#token(req);
      case REALM_PATHS.introspect:
        return this.#introspect(req);
      default:
        return undefined;
    }
  }

  #clientOk(req: SimRequest, form: Record<string, string>): boolean {
    const basic = parseBasicAuth(req.headers.authorization);
    const id = basic?.user ?? form.client_id;
    const secret = basic?.pass ?? form.client_secret;
    return id === this.clientId && secret === this.clientSecret;
  }

  #form(req: SimRequest): Record<string, string> | undefined {
    const isForm = req.headers['content-type']?.includes('application/x-www-form-urlencoded') === true;
    return req.method === 'POST' && isForm && req.body !== null && typeof req.body === 'object'
      ? (req.body as Record<string, string>)
      : undefined;
  }

  #token(req: SimRequest): SimReply {
    const form = this.#form(req);
    if (!form) {
      return { status: 400, body: { error: 'invalid_request', error_description: 'Form body required' } };
    }
    if (!this.#clientOk(req, form)) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Invalid client or Invalid client credentials' },
      };
    }
    if (form.grant_type === 'refresh_token') {
      const expiresAt = this.#refresh.get(form.refresh_token ?? '');
      if (expiresAt === undefined || expiresAt <= Date.now()) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Invalid refresh token' } };
      }
      this.#refresh.delete(form.refresh_token ?? '');
      this.grants.refresh_token += 1;
    } else if (form.grant_type === 'client_credentials') {
      this.grants.client_credentials += 1;
    } else {
      return {
        status: 400,
        body: { error: 'unsupported_grant_type', error_description: 'Unsupported grant_type' },
      };
    }
    const { token } = this.access.issue();
    const refresh = `sim_rt_${randomBytes(16).toString('hex')}`;
    this.#refresh.set(refresh, Date.now() + REFRESH_LIFETIME_MS);
    return {
      status: 200,
      body: {
        access_token: token,
        expires_in: this.access.lifetimeMs / 1000,
        refresh_expires_in: REFRESH_LIFETIME_MS / 1000,
        refresh_token: refresh,
        token_type: 'bearer',
        'not-before-policy': 0,
        session_state: randomBytes(8).toString('hex'),
      },
    };
  }

  async #introspect(req: SimRequest): Promise<SimReply> {
    const form = this.#form(req);
    if (!form || !this.#clientOk(req, form)) {
      return {
        status: 401,
        body: { error: 'invalid_client', error_description: 'Invalid client credentials' },
      };
    }
    const payload = await this.verifyConsumerToken(form.token ?? '');
    if (!payload) {
      return { status: 200, body: { active: false } };
    }
    return { status: 200, body: { ...payload, active: true, client_id: payload.azp } };
  }
}
