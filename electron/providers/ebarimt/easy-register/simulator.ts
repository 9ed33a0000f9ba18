/**
 * Easy Register + ITC Keycloak simulator on one loopback server:
 *   POST /auth/realms/{realm}/protocol/openid-connect/token      password + refresh_token grants, client vatps
 *   GET  /api/easy-register/api/info/consumer/{regNo}              404 when unknown (docs/providers.md §1.2)
 *   POST /api/easy-register/rest/v1/getProfile                     {phoneNum} | {customerNo}
 *   POST /api/easy-register/rest/v1/approveQr                      {customerNo, qrData}
 * and ITC's public taxpayer lookup (no bearer; api.ebarimt.mn in production), ./sim-taxpayer-routes.ts:
 *   GET  /api/info/check/getTinInfo?regNo={7 digits}               {status, msg, data: TIN (number)}
 *   GET  /api/info/check/getInfo?tin={TIN}                         {status, msg, data: {name, found, …}}
 * Expired or unknown bearer → HTTP 401 with `{status:401, code:'invalidToken'}` (ITC's document: 401 = token
 * expired).
 * The pairing of `code` with `status` is not documented; the simulator picks the closest documented status.
 * approveQr checks qrData against the PosAPI simulator's receipts through `lookupQr` (see ../simulators.ts).
 */
import { randomBytes } from 'node:crypto';
import {
  SimTokenIssuer,
  startSimulatorServer,
  type RunningSimulator,
  type SimReply,
  type SimRequest,
} from '../../simulator-kit';
import { withFieldDrops } from '../sim-support';
import { SEED_COMPANIES, taxpayerRoute, type SimCompany } from './sim-taxpayer-routes';

export interface SimCitizen {
  regNo: string;
  customerNo: string;
  givenName: string;
  familyName: string;
  phone?: string;
  email?: string;
}

/** What approveQr needs to know about a receipt (the PosAPI simulator's SimReceipt fits). */
export interface QrReceiptView {
  type: string;
  deleted: boolean;
  consumerNo: string | null;
}

export interface ApprovalRecord {
  customerNo: string;
  qrData: string;
  code: string;
}

export interface EasyRegisterSimulatorOptions {
  now?: () => number;
  username?: string;
  password?: string;
  realm?: string;
  tokenLifetimeMs?: number;
  lookupQr?: (qrData: string) => QrReceiptView | undefined;
}

export interface EasyRegisterSimulator extends RunningSimulator {
  readonly tokenUrl: string;
  readonly easyRegisterUrl: string;
  /** The public taxpayer lookup's base (settings `taxpayerInfoUrl`). */
  readonly taxpayerInfoUrl: string;
  readonly companies: readonly SimCompany[];
  readonly credentials: { username: string; password: string };
  readonly citizens: readonly SimCitizen[];
  /** Every approveQr call that reached the business logic, with its answer code. */
  readonly approvals: readonly ApprovalRecord[];
  /** Access tokens issued (password + refresh grants). */
  readonly tokensIssued: number;
  expireTokens(): void;
  setTokenLifetime(ms: number): void;
  addCitizen(citizen: SimCitizen): void;
  hasCustomer(customerNo: string): boolean;
  dropFieldNext(field: string): void;
}

export const SEED_CITIZENS: readonly SimCitizen[] = [
  {
    regNo: 'УБ99112233',
    customerNo: '10038071',
    givenName: 'Болд',
    familyName: 'Батын',
    phone: '99112233',
    email: 'bold.bat@example.mn',
  },
  // The test citizen of ITC's Easy Register document: found, but without an email.
  { regNo: 'АА12345678', customerNo: '11000001', givenName: 'Тест', familyName: 'Иргэн', phone: '88112233' },
  // Two accounts on one phone → userDuplicate.
  {
    regNo: 'ЧД88010101',
    customerNo: '11000002',
    givenName: 'Сараа',
    familyName: 'Дорж',
    phone: '95112233',
    email: 'saraa@example.mn',
  },
  { regNo: 'ЧД88010102', customerNo: '11000003', givenName: 'Сарнай', familyName: 'Дорж', phone: '95112233' },
];

const MSG = {
  success: 'Амжилттай',
  alreadyApproved: 'Баримт баталгаажсан байна',
  b2bNotAccepted: 'B2B баримт хүлээн авахгүй',
  invalidQr: 'QR буруу байна',
  invalidToken: 'Токен буруу байна',
  emptyField: 'Талбар хоосон байна',
  userNotFound: 'Хэрэглэгч олдсонгүй',
  emailNotFound: 'Имэйл олдсонгүй',
  invalidData: 'Мэдээлэл алдаатай байна',
  userDuplicate: 'Хэрэглэгчийн бүртгэл давхардсан байна',
} as const;

const envelope = (code: keyof typeof MSG, status: number, extra: object = {}): SimReply => ({
  status: 200,
  body: { status, code, msg: MSG[code], ...extra },
});

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export async function startEasyRegisterSimulator(
  options: EasyRegisterSimulatorOptions = {},
): Promise<EasyRegisterSimulator> {
  const now = options.now ?? Date.now;
  const realm = options.realm ?? 'Staging';
  const credentials = {
    username: options.username ?? 'kassa-sandbox',
    password: options.password ?? `sim-${randomBytes(12).toString('base64url')}`,
  };
  const access = new SimTokenIssuer(options.tokenLifetimeMs ?? 300_000, now);
  const refresh = new SimTokenIssuer(1_800_000, now);
  const citizens: SimCitizen[] = SEED_CITIZENS.map((c) => ({ ...c }));
  const approvals: ApprovalRecord[] = [];
  const companies: SimCompany[] = SEED_COMPANIES.map((c) => ({ ...c }));
  const approved = new Set<string>();
  let tokensIssued = 0;

  const oauthError = (status: number, error: string, description: string): SimReply => ({
    status,
    body: { error, error_description: description },
  });

  const issueTokens = (): SimReply => {
    tokensIssued += 1;
    const a = access.issue();
    const r = refresh.issue();
    return {
      status: 200,
      body: {
        access_token: a.token,
        expires_in: Math.floor(access.lifetimeMs / 1000),
        refresh_token: r.token,
        refresh_expires_in: Math.floor(refresh.lifetimeMs / 1000),
        token_type: 'Bearer',
        'not-before-policy': 0,
        scope: 'profile email',
      },
    };
  };

  const token = (req: SimRequest): SimReply => {
    const form = (req.body ?? {}) as Record<string, unknown>;
    if (!String(req.headers['content-type']).includes('application/x-www-form-urlencoded')) {
      return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
    }
    if (form.client_id !== 'vatps') {
      return oauthError(401, 'invalid_client', 'Invalid client or Invalid client credentials');
    }
    if (form.grant_type === 'password') {
      if (form.username !== credentials.username || form.password !== credentials.password) {
        return oauthError(401, 'invalid_grant', 'Invalid user credentials');
      }
      return issueTokens();
    }
    if (form.grant_type === 'refresh_token') {
      if (refresh.check(`Bearer ${text(form.refresh_token)}`) !== 'ok') {
        return oauthError(400, 'invalid_grant', 'Token is not active');
      }
      return issueTokens();
    }
    return oauthError(400, 'unsupported_grant_type', 'Unsupported grant_type');
  };

  const consumer = (regNo: string): SimReply => {
    const citizen = citizens.find((c) => c.regNo === regNo);
    return citizen
      ? {
          status: 200,
          body: {
            regNo: citizen.regNo,
            loginName: citizen.customerNo,
            givenName: citizen.givenName,
            familyName: citizen.familyName,
          },
        }
      : { status: 404, body: { status: 404, code: 'userNotFound', msg: MSG.userNotFound } };
  };

  const profile = (body: Record<string, unknown>): SimReply => {
    const phone = text(body.phoneNum);
    const customerNo = text(body.customerNo);
    if (phone === '' && customerNo === '') {
      return envelope('emptyField', 201);
    }
    const value = phone === '' ? customerNo : phone;
    if (!/^\d{8}$/.test(value)) {
      return envelope('invalidData', 100);
    }
    const matches = citizens.filter((c) => (phone === '' ? c.customerNo === value : c.phone === value));
    const [citizen] = matches;
    if (citizen === undefined) {
      return envelope('userNotFound', 201);
    }
    if (matches.length > 1) {
      return envelope('userDuplicate', 500);
    }
    return citizen.email === undefined
      ? envelope('emailNotFound', 201, { loginName: citizen.customerNo })
      : envelope('success', 200, { loginName: citizen.customerNo, email: citizen.email });
  };

  const approve = (body: Record<string, unknown>): SimReply => {
    const customerNo = text(body.customerNo);
    const qrData = text(body.qrData);
    const answer = ((): SimReply => {
      if (customerNo === '' || qrData === '') {
        return envelope('emptyField', 201);
      }
      if (!/^\d{8}$/.test(customerNo)) {
        return envelope('invalidData', 100);
      }
      if (!citizens.some((c) => c.customerNo === customerNo)) {
        return envelope('userNotFound', 201);
      }
      const receipt = /^\d+$/.test(qrData) ? options.lookupQr?.(qrData) : undefined;
      if (receipt === undefined || receipt.deleted) {
        return envelope('invalidQr', 100);
      }
      if (receipt.type.startsWith('B2B')) {
        return envelope('b2bNotAccepted', 201);
      }
      if (approved.has(qrData) || receipt.consumerNo !== null) {
        return envelope('alreadyApproved', 201);
      }
      approved.add(qrData);
      return envelope('success', 200, { loginName: customerNo });
    })();
    approvals.push({ customerNo, qrData, code: text((answer.body as Record<string, unknown>).code) });
    return answer;
  };

  const tokenPath = `/auth/realms/${realm}/protocol/openid-connect/token`;
  const base = '/api/easy-register/';
  const drops = withFieldDrops((req) => {
    if (req.method === 'POST' && req.path === tokenPath) {
      return token(req);
    }
    const publicLookup = taxpayerRoute(req, companies);
    if (publicLookup !== undefined) {
      return publicLookup;
    }
    if (!req.path.startsWith(base)) {
      return { status: 404, body: { error: 'not found' } };
    }
    const auth = access.check(req.headers.authorization);
    if (auth !== 'ok') {
      return { status: 401, body: { status: 401, code: 'invalidToken', msg: MSG.invalidToken } };
    }
    const rest = req.path.slice(base.length);
    const body = (req.body ?? {}) as Record<string, unknown>;
    if (req.method === 'GET' && rest.startsWith('api/info/consumer/')) {
      return consumer(decodeURIComponent(rest.slice('api/info/consumer/'.length)));
    }
    if (req.method === 'POST' && rest === 'rest/v1/getProfile') {
      return req.bodyInvalid ? envelope('invalidData', 100) : profile(body);
    }
    if (req.method === 'POST' && rest === 'rest/v1/approveQr') {
      return req.bodyInvalid ? envelope('invalidData', 100) : approve(body);
    }
    return { status: 404, body: { error: 'not found' } };
  });

  const server = await startSimulatorServer(drops.route);
  return {
    ...server,
    tokenUrl: `${server.url}${tokenPath}`,
    easyRegisterUrl: `${server.url}${base}`,
    taxpayerInfoUrl: `${server.url}/`,
    companies,
    credentials,
    citizens,
    approvals,
    get tokensIssued() {
      return tokensIssued;
    },
    expireTokens() {
      access.expireAll();
    },
    setTokenLifetime(ms) {
      access.lifetimeMs = ms;
    },
    addCitizen(citizen) {
      citizens.push({ ...citizen });
    },
    hasCustomer: (customerNo) => citizens.some((c) => c.customerNo === customerNo),
    dropFieldNext: drops.dropFieldNext,
  };
}
