/**
 * BaaS Gateway wire shapes. The envelope is documented (docs/providers.md §6.2); the results of card attach,
 * attach confirm and application status are NOT published by the bank — the shapes below are the proposal of
 * docs/providers.md §6.5 and are read leniently (unknown extra fields pass).
 */
import { z } from 'zod';

export const BaasErrorBodySchema = z.object({ code: z.number().int(), message: z.string() });

/** `{ id, result, error }`: error is null on success; result is null on error. */
export const BaasEnvelopeSchema = z.object({
  id: z.string().min(1),
  result: z.unknown(),
  error: BaasErrorBodySchema.nullish(),
});

/** [G] proposal: the bank's attach answer is not published. */
export const AttachStartedSchema = z.object({
  attachId: z.string().min(1),
  expiresInSec: z.number().int().positive().optional(),
  maskedPhone: z.string().optional(),
});

/** [G] proposal: "card data together with a token" per the attach page's logic text. */
export const AttachConfirmedSchema = z.object({
  cardToken: z.string().min(1),
  maskedPan: z.string().optional(),
  processingType: z.enum(['UZCARD', 'HUMO']).optional(),
});

/** Pre-scoring's result is not published; whatever object (or null) comes back means "registered". */
export const PreScoringResultSchema = z
  .object({ applicationId: z.string().optional(), status: z.string().optional() })
  .loose()
  .nullable();

/** [G] proposal. */
export const ApplicationStatusSchema = z.object({
  status: z.string().min(1),
  rejectReason: z.string().nullish(),
});
