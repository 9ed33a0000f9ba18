/**
 * The approval flow's calls to Easy Register, as the service runs them: the buyer lookup (regNo → consumer info,
 * phone / code → getProfile) and what a thrown error means to the cashier (describeFailure). Split from
 * approval-service.ts, which keeps the session and its state.
 */
import { KassaError } from '../kernel/errors';
import type { EasyRegisterClient } from '../providers/ebarimt';
import { ProviderError } from '../providers/errors';
import type { ApprovalErrorView } from '../../shared/channels/approval';
import { APPROVAL_TEXT, type Buyer, type BuyerQuery } from './approval-flow';

export const DOCTOR_HINT = 'kassa doctor';

const CALL_SUPPORT = {
  mn: 'Техникийн дэмжлэгт хандана уу.',
  en: 'Call support.',
} as const;

const FAILURE_TEXT = {
  network: {
    mn: 'И-баримтын системтэй холбогдож чадсангүй. Интернэт холболтоо шалгаад «Дахин оролдох» товчийг дарна уу.',
    en: 'Could not reach eBarimt. Check the internet connection and press Retry.',
  },
  timeout: {
    mn: 'И-баримтын систем хариу өгсөнгүй. «Дахин оролдох» товчийг дарна уу.',
    en: 'eBarimt did not answer in time. Press Retry.',
  },
  token: {
    mn: 'И-баримтын нэвтрэх эрх хүлээн авагдсангүй.',
    en: 'The eBarimt sign-in was refused.',
  },
  config: {
    mn: 'Энэ кассын И-баримтын тохиргоо дутуу байна (нэр эсвэл нууц үг).',
    en: 'eBarimt is not fully set up on this till (username or password).',
  },
  unexpected: {
    mn: 'И-баримтын системээс ойлгомжгүй хариу ирлээ. «Дахин оролдох» товчийг дарна уу; давтагдвал техникийн дэмжлэгт хандана уу.',
    en: 'eBarimt gave an answer Kassa could not read. Press Retry; if it keeps happening, call support.',
  },
  rejected: {
    mn: 'И-баримтын систем хүсэлтийг хүлээж авсангүй. Техникийн дэмжлэгт хандана уу.',
    en: 'eBarimt refused the request. Call support.',
  },
  internal: {
    mn: 'Kassa-д алдаа гарлаа. Дэлгэрэнгүйг логоос харна уу.',
    en: 'Something went wrong inside Kassa. The details are in the log.',
  },
} as const;

export interface Failure {
  error: ApprovalErrorView;
  retryable: boolean;
}

function withCallSupport(text: { mn: string; en: string }): { mn: string; en: string } {
  return { mn: `${text.mn} ${CALL_SUPPORT.mn}`, en: `${text.en} ${CALL_SUPPORT.en}` };
}

/** A thrown error → what the cashier sees, and whether Retry may repeat the call. */
export function describeFailure(error: unknown): Failure {
  if (error instanceof ProviderError) {
    switch (error.kind) {
      case 'network':
        return { error: { code: 'network', message: FAILURE_TEXT.network }, retryable: true };
      case 'timeout':
        return { error: { code: 'network', message: FAILURE_TEXT.timeout }, retryable: true };
      case 'auth': {
        const mn = error.messages.mn;
        const en = error.messages.en;
        const text = mn !== undefined && en !== undefined ? { mn, en } : FAILURE_TEXT.token;
        return {
          error: { code: 'token', message: withCallSupport(text), hint: DOCTOR_HINT },
          retryable: false,
        };
      }
      case 'unexpected':
        return {
          error: { code: 'provider', message: FAILURE_TEXT.unexpected, hint: DOCTOR_HINT },
          retryable: true,
        };
      case 'rejected':
        return {
          error: { code: 'provider', message: FAILURE_TEXT.rejected, hint: DOCTOR_HINT },
          retryable: false,
        };
    }
  }
  if (error instanceof KassaError) {
    return {
      error: { code: 'config', message: withCallSupport(FAILURE_TEXT.config), hint: DOCTOR_HINT },
      retryable: false,
    };
  }
  return { error: { code: 'internal', message: FAILURE_TEXT.internal }, retryable: false };
}

export type LookupAnswer = { buyer: Buyer } | Failure;

export async function lookupBuyer(client: EasyRegisterClient, query: BuyerQuery): Promise<LookupAnswer> {
  if (query.kind === 'regno') {
    const found = await client.lookupByRegNo(query.regNo);
    if (!found.found) {
      return { error: { code: 'citizen-not-found', message: found.message }, retryable: false };
    }
    const { citizen } = found;
    return {
      buyer: {
        customerNo: citizen.customerNo,
        name: `${citizen.familyName} ${citizen.givenName}`.trim(),
        emailMasked: null,
        identifiedBy: 'regno',
      },
    };
  }
  const profile = await client.getProfile(
    query.kind === 'phone' ? { phoneNum: query.phoneNum } : { customerNo: query.customerNo },
  );
  switch (profile.outcome) {
    case 'found':
      return {
        buyer: {
          customerNo: profile.customerNo,
          name: null,
          emailMasked: profile.emailMasked,
          identifiedBy: query.kind,
        },
      };
    case 'userNotFound':
      return query.kind === 'phone'
        ? {
            error: { code: 'phone-not-registered', message: APPROVAL_TEXT.phoneNotRegistered },
            retryable: false,
          }
        : {
            error: { code: 'customer-not-found', message: APPROVAL_TEXT.customerNotFound },
            retryable: false,
          };
    case 'userDuplicate':
      return { error: { code: 'phone-shared', message: profile.message }, retryable: false };
    case 'invalidData':
    case 'emptyField':
      return { error: { code: 'invalid-query', message: profile.message }, retryable: false };
    case 'status500':
      return { error: { code: 'provider', message: profile.message, hint: DOCTOR_HINT }, retryable: true };
    // Not answers getProfile should give (or emailNotFound without a usable code): show ITC's text.
    case 'alreadyApproved':
    case 'b2bNotAccepted':
    case 'emailNotFound':
    case 'invalidQr':
    case 'status100':
    case 'status201':
    case 'unknown':
      return { error: { code: 'provider', message: profile.message, hint: DOCTOR_HINT }, retryable: false };
  }
}
