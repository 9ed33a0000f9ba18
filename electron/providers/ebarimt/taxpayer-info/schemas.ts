/**
 * ITC's public taxpayer lookup (api.ebarimt.mn, no sign-in): the same `{status, msg, data}` envelope for both
 * calls. Not strict: extra fields are tolerated. Shapes as public integrations read them (docs/architecture.md,
 * "Receipts and e-receipt approval"); ITC publishes no document for them, so anything unexpected is drift.
 */
import { z } from 'zod';

/** `status` as a number; some gateways stringify it. */
const StatusSchema = z.union([z.number().int(), z.string().regex(/^\d+$/).transform(Number)]);

/** PosAPI 3.0 `customerTin`: an 11-digit (organisation) or 14-digit TIN. */
export const TIN_PATTERN = /^(\d{11}|\d{14})$/;

/** A company's state register number: 7 digits. */
export const COMPANY_REGNO_PATTERN = /^\d{7}$/;

/** GET api/info/check/getTinInfo?regNo= → `data` is the TIN (a JSON number in the answers seen, or a string). */
export const TinInfoResponseSchema = z.object({
  status: StatusSchema,
  msg: z.string().nullable().optional(),
  data: z
    .union([z.number().int().nonnegative(), z.string()])
    .nullable()
    .optional()
    .transform((value) => (value === null || value === undefined ? null : String(value).trim())),
});

/** GET api/info/check/getInfo?tin= → `data.found` and the registered name. */
export const TaxpayerInfoResponseSchema = z.object({
  status: StatusSchema,
  msg: z.string().nullable().optional(),
  data: z
    .object({
      name: z.string().nullable().optional(),
      found: z.boolean(),
      vatPayer: z.boolean().nullable().optional(),
      cityPayer: z.boolean().nullable().optional(),
    })
    .nullable()
    .optional(),
});
