/**
 * Easy Register wire shapes (ITC's document "Хялбар бүртгэл сервис 2.0"). Not strict: extra
 * fields are tolerated, missing documented ones are drift.
 */
import { z } from 'zod';

/** 8-digit eBarimt customer code: `loginName` / `customerNo` / PosAPI `consumerNo`. */
export const CustomerNoSchema = z.string().regex(/^\d{8}$/);

export const ConsumerInfoSchema = z.object({
  regNo: z.string(),
  loginName: CustomerNoSchema,
  givenName: z.string(),
  familyName: z.string(),
});

/** `status` is documented as int; accept a numeric string too (some gateways stringify). */
const StatusSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

export const EnvelopeSchema = z.object({
  status: StatusSchema,
  code: z.string(),
  msg: z.string().nullable().optional(),
});

export const ProfileResponseSchema = EnvelopeSchema.extend({
  email: z.string().nullable().optional(),
  loginName: z.string().nullable().optional(),
});

export const ApproveQrResponseSchema = EnvelopeSchema.extend({
  loginName: z.string().nullable().optional(),
});

export const ProfileQuerySchema = z.union([
  z.strictObject({ phoneNum: z.string() }),
  z.strictObject({ customerNo: z.string() }),
]);
