/**
 * Ipoteka-bank BaaS Gateway client: card attach with SMS confirmation, microloan pre-scoring, application
 * status. Paths come from Settings because only the token, attach and pre-scoring paths are published; attach
 * confirmation and application status follow the proposal of docs/providers.md §6.5 until the bank confirms
 * them.
 */
import type { BaasSettings } from '../../../shared/settings/baas';
import type { ProviderContext } from '../context';
import { HttpClient } from '../http';
import { TokenCache } from '../oauth';
import {
  checkExpiry,
  checkPan,
  checkPhone,
  checkProcessing,
  checkUuid,
  maskPan,
  type ProcessingType,
} from './card';
import { baasCall, type BaasCall } from './envelope';
import { BaasError, PROVIDER } from './errors';
import { BAAS_ERROR_CODES, type Texts } from './messages';
import {
  ApplicationStatusSchema,
  AttachConfirmedSchema,
  AttachStartedSchema,
  PreScoringResultSchema,
} from './schemas';
import { baasTokenSource } from './token';
import type { z } from 'zod';

export interface AttachCardRequest {
  pan: string;
  /** yyMM */
  expiry: string;
  processingType: ProcessingType;
  /** 12 digits, 998… */
  phoneNumber: string;
  /** Envelope id (UUID) when the caller keeps one per attempt; a fresh one otherwise. */
  requestId?: string;
}

export interface AttachStarted {
  attachId: string;
  maskedPan: string;
  maskedPhone?: string;
  /** Until then a new code cannot be requested (the bank answers 1007): the resend button stays disabled. */
  resendAvailableAt?: number;
}

export interface AttachedCard {
  cardToken: string;
  maskedPan: string;
  /** When the bank says; the till keeps no card data to fill it in itself. */
  processingType?: ProcessingType;
}

export interface PreScoringRequest {
  /** Our application id (UUID), reused on every retry. */
  externalId: string;
  phoneNumber: string;
  /** The customer accepted the offer; the bank refuses (code 4) otherwise. */
  isAgreementAccepted: boolean;
  /** "Client information": its fields are not published; passed through as given. */
  clientData: Readonly<Record<string, string | number | boolean | null>>;
}

export type PreScoringResult =
  | { outcome: 'registered'; applicationId?: string; status?: string }
  /** 1002 overdue loans / 1003 high risk: a scoring answer to show the cashier, not a failure. */
  | { outcome: 'refused'; code: 1002 | 1003; messages: Texts };

export interface ApplicationStatus {
  externalId: string;
  /** The bank's word (IN_PROGRESS, APPROVED, REJECTED … — proposal). */
  status: string;
  inProgress: boolean;
  rejectReason?: string;
}

export interface BaasClient {
  readonly provider: typeof PROVIDER;
  readonly baseUrl: string;
  /** Send the card to the bank; the processing centre texts an SMS code to the phone. Also the "resend" call. */
  attachCard(req: AttachCardRequest): Promise<AttachStarted>;
  confirmCardAttach(req: { attachId: string; smsCode: string }): Promise<AttachedCard>;
  preScoring(req: PreScoringRequest): Promise<PreScoringResult>;
  applicationStatus(externalId: string): Promise<ApplicationStatus>;
  /** Obtain a token now (doctor). */
  checkToken(): Promise<void>;
}

export function createBaasClient(ctx: ProviderContext, settings: BaasSettings): BaasClient {
  const http = new HttpClient({
    provider: PROVIDER,
    baseUrl: settings.baseUrl,
    logger: ctx.logger,
    redactor: ctx.redactor,
    ...(ctx.timeoutMs === undefined ? {} : { timeoutMs: ctx.timeoutMs }),
    ...(ctx.fetchImpl === undefined ? {} : { fetchImpl: ctx.fetchImpl }),
  });
  const secret = (name: 'baas.consumerSecret' | 'baas.password') => async (): Promise<string> => {
    const value = await ctx.secret(name);
    ctx.redactor.addValue(value);
    return value;
  };
  const tokens = new TokenCache({
    provider: PROVIDER,
    clock: ctx.clock,
    redactor: ctx.redactor,
    source: baasTokenSource({
      http,
      clock: ctx.clock,
      redactor: ctx.redactor,
      path: settings.paths.token,
      consumerKey: settings.consumerKey,
      username: settings.username,
      consumerSecret: secret('baas.consumerSecret'),
      password: secret('baas.password'),
    }),
  });
  const call = <S extends z.ZodType>(req: BaasCall<S>): Promise<z.output<S>> =>
    baasCall({ http, tokens, redactor: ctx.redactor }, req);
  const { paths } = settings;

  return {
    provider: PROVIDER,
    baseUrl: http.baseUrl,

    async attachCard(req) {
      const pan = checkPan(req.pan);
      const params = {
        pan,
        expiry: checkExpiry(req.expiry),
        processingType: checkProcessing(req.processingType),
        phoneNumber: checkPhone(req.phoneNumber),
      };
      const res = await call({
        path: paths.cardAttach,
        ...(req.requestId === undefined ? {} : { requestId: checkUuid(req.requestId, 'requestId') }),
        params,
        result: AttachStartedSchema,
        operation: 'baas.card.attach',
      });
      return {
        attachId: res.attachId,
        maskedPan: maskPan(pan),
        ...(res.maskedPhone === undefined ? {} : { maskedPhone: res.maskedPhone }),
        ...(res.expiresInSec === undefined
          ? {}
          : { resendAvailableAt: ctx.clock.now() + res.expiresInSec * 1000 }),
      };
    },

    async confirmCardAttach(req) {
      const smsCode = req.smsCode.trim();
      const res = await call({
        // Path not confirmed by the bank (docs/providers.md §6.5): Settings → baas.paths.cardAttachConfirm.
        path: paths.cardAttachConfirm,
        params: { attachId: req.attachId, smsCode },
        result: AttachConfirmedSchema,
        operation: 'baas.card.confirm',
      });
      // The card token grants future charges: kept out of every log from now on.
      ctx.redactor.addValue(res.cardToken);
      return {
        cardToken: res.cardToken,
        // Whatever the bank sends, only a masked form is passed on.
        maskedPan: ctx.redactor.text(res.maskedPan ?? ''),
        ...(res.processingType === undefined ? {} : { processingType: res.processingType }),
      };
    },

    async preScoring(req) {
      try {
        const res = await call({
          path: paths.preScoring,
          requestId: checkUuid(req.externalId, 'externalId'),
          params: {
            externalId: checkUuid(req.externalId, 'externalId'),
            isAgreementAccepted: req.isAgreementAccepted,
            phoneNumber: checkPhone(req.phoneNumber),
            clientData: req.clientData,
          },
          result: PreScoringResultSchema,
          operation: 'baas.microloan.prescoring',
        });
        return {
          outcome: 'registered',
          ...(res?.applicationId === undefined ? {} : { applicationId: res.applicationId }),
          ...(res?.status === undefined ? {} : { status: res.status }),
        };
      } catch (error) {
        // A retry of an application the bank already registered (same externalId) answers 1001.
        if (error instanceof BaasError && error.baasCode === 1001) {
          return { outcome: 'registered', status: 'IN_PROGRESS' };
        }
        if (error instanceof BaasError && (error.baasCode === 1002 || error.baasCode === 1003)) {
          const { ru, en, uz } = BAAS_ERROR_CODES[error.baasCode];
          return { outcome: 'refused', code: error.baasCode, messages: { en, ru, uz } };
        }
        throw error;
      }
    },

    async applicationStatus(externalId) {
      const id = checkUuid(externalId, 'externalId');
      try {
        const res = await call({
          // Path not confirmed by the bank (docs/providers.md §6.5): Settings → baas.paths.applicationStatus.
          path: paths.applicationStatus,
          params: { externalId: id },
          result: ApplicationStatusSchema,
          operation: 'baas.microloan.status',
        });
        return {
          externalId: id,
          status: res.status,
          inProgress: res.status === 'IN_PROGRESS',
          ...(res.rejectReason ? { rejectReason: res.rejectReason } : {}),
        };
      } catch (error) {
        // 1001 "Application is in progress" is an answer to "what is its status?", not a failure.
        if (error instanceof BaasError && error.baasCode === 1001) {
          return { externalId: id, status: 'IN_PROGRESS', inProgress: true };
        }
        throw error;
      }
    },

    async checkToken() {
      await tokens.get();
    },
  };
}
