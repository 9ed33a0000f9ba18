/**
 * E-receipt approval (docs/architecture.md §9): identify the buyer (regNo, phone or 8-digit eBarimt code) →
 * the cashier confirms who was found → scan the printed receipt's QR → Easy Register approveQr → a message
 * for every documented answer. Several receipts can follow for the same buyer.
 *
 * qrData travels renderer → main only (scan-receipt, start). No output or event ever carries it back: the
 * view-model says only *whether* a receipt is waiting (`pendingQr`), never what it is.
 */
import { z } from 'zod';
import { channel, event } from '../channel';

/** A cashier text in both cashier languages. */
export const LocalTextSchema = z.object({ mn: z.string(), en: z.string() });

/** Digits only, as printed on the receipt (real qrData is about 200 digits; codes.ts reads ≥ 40 as qrData). */
export const QrDataSchema = z
  .string()
  .trim()
  .regex(/^\d+$/, 'the receipt QR is digits only')
  .min(40, 'too short to be a receipt QR (at least 40 digits)')
  .max(1000, 'too long to be a receipt QR (at most 1000 digits)');

export const APPROVAL_STATES = [
  /** The approval screen is closed. */
  'idle',
  /** Waiting for the buyer's regNo / phone / code, or looking it up (`busy`). */
  'identifying',
  /** A buyer was found; the cashier reads the name back and confirms. */
  'confirm',
  /** Buyer confirmed; waiting for a receipt QR. */
  'ready',
  /** approveQr is in flight. */
  'submitting',
  /** The last receipt's answer is shown; the next scan submits the next receipt for the same buyer. */
  'result',
] as const;
export const ApprovalStateSchema = z.enum(APPROVAL_STATES);
export type ApprovalState = z.infer<typeof ApprovalStateSchema>;

export const BuyerViewSchema = z.object({
  /** "Family Given" from the register-number lookup; null when found by phone or code (ITC gives no name). */
  name: z.string().nullable(),
  /** The 8-digit eBarimt code, partly masked: `10****71`. */
  customerNoMasked: z.string(),
  /** From getProfile (phone / code lookups): `b******t@example.mn`; null when none or not asked. */
  emailMasked: z.string().nullable(),
  identifiedBy: z.enum(['regno', 'phone', 'customer-no']),
});
export type BuyerView = z.infer<typeof BuyerViewSchema>;

/** approveQr outcomes: `approved` or one of Easy Register's documented answers (status families for new codes). */
export const APPROVAL_OUTCOMES = [
  'approved',
  'alreadyApproved',
  'b2bNotAccepted',
  'invalidQr',
  'emptyField',
  'userNotFound',
  'emailNotFound',
  'invalidData',
  'userDuplicate',
  'status100',
  'status201',
  'status500',
  'unknown',
] as const;
export const ApprovalOutcomeSchema = z.enum(APPROVAL_OUTCOMES);
export type ApprovalOutcome = z.infer<typeof ApprovalOutcomeSchema>;

export const ApprovalResultViewSchema = z.object({
  outcome: ApprovalOutcomeSchema,
  /** True only when this submission registered the receipt to the buyer. */
  ok: z.boolean(),
  message: LocalTextSchema,
  /** Easy Register's own `code` (for support), e.g. `success`, `alreadyApproved`. */
  code: z.string(),
  /** The answer came from the Retry button after a failed attempt (alreadyApproved then likely means done). */
  afterRetry: z.boolean(),
});
export type ApprovalResultView = z.infer<typeof ApprovalResultViewSchema>;

export const APPROVAL_ERROR_CODES = [
  /** Register-number lookup: no such citizen in eBarimt. */
  'citizen-not-found',
  /** Phone lookup: no eBarimt account on this number. */
  'phone-not-registered',
  /** 8-digit code lookup: no such eBarimt account. */
  'customer-not-found',
  /** Several accounts share the phone: search by regNo or code instead. */
  'phone-shared',
  /** What was typed / scanned is not a regNo, Mongolian mobile or 8-digit code. */
  'unrecognised',
  /** Easy Register called the query malformed or empty. */
  'invalid-query',
  /** The ITC login or token was refused: call support (`hint`: kassa doctor). */
  'token',
  /** eBarimt is not configured (password, username): call support (`hint`). */
  'config',
  /** eBarimt could not be reached or did not answer: Retry (nothing is queued). */
  'network',
  /** eBarimt answered with an error or something unexpected. */
  'provider',
  'internal',
] as const;
export const ApprovalErrorCodeSchema = z.enum(APPROVAL_ERROR_CODES);
export type ApprovalErrorCode = z.infer<typeof ApprovalErrorCodeSchema>;

export const ApprovalErrorViewSchema = z.object({
  code: ApprovalErrorCodeSchema,
  message: LocalTextSchema,
  /** What support runs, e.g. `kassa doctor`. */
  hint: z.string().optional(),
});
export type ApprovalErrorView = z.infer<typeof ApprovalErrorViewSchema>;

export const ApprovalViewModelSchema = z.object({
  state: ApprovalStateSchema,
  /** A lookup or approveQr is in flight. */
  busy: z.boolean(),
  /** The candidate (confirm) or confirmed buyer (ready / submitting / result). */
  buyer: BuyerViewSchema.nullable(),
  /** The answer for the last receipt of this buyer. */
  lastResult: ApprovalResultViewSchema.nullable(),
  /** Receipts approved for this buyer since they were confirmed. */
  approvedCount: z.number().int().min(0),
  /** A receipt was scanned before the buyer was confirmed; it is submitted on confirm. Never the qrData itself. */
  pendingQr: z.boolean(),
  /** The last call failed for a reason worth repeating; `approval:retry` repeats it from memory. */
  canRetry: z.boolean(),
  error: ApprovalErrorViewSchema.nullable(),
  /**
   * The previous buyer's session ended while this screen stayed open — the cashier touched a sale (`sale`) or did
   * nothing for the idle timeout (`idle`) — so the screen asks for a new buyer. Null otherwise.
   */
  sessionEnded: z.enum(['sale', 'idle']).nullable(),
});
export type ApprovalViewModel = z.infer<typeof ApprovalViewModelSchema>;

const Empty = z.strictObject({});

export const approvalChannels = {
  'approval:state': channel({
    input: Empty,
    output: ApprovalViewModelSchema,
    summary: 'The e-receipt approval screen as it stands.',
  }),
  'approval:start': channel({
    input: z.strictObject({ qrData: QrDataSchema.optional() }),
    output: ApprovalViewModelSchema,
    summary:
      'Open the approval screen; with qrData (a receipt scanned on an idle screen) the receipt waits for the buyer.',
  }),
  'approval:identify': channel({
    input: z.strictObject({
      query: z
        .string()
        .trim()
        .min(1, 'type or scan a register number, phone or 8-digit code')
        .max(1000, 'too long'),
    }),
    output: ApprovalViewModelSchema,
    summary: 'Look the buyer up by register number, phone or 8-digit eBarimt code (classified here).',
  }),
  'approval:confirm': channel({
    input: Empty,
    output: ApprovalViewModelSchema,
    summary: 'The cashier confirmed the buyer; a receipt scanned earlier is submitted now.',
  }),
  'approval:scan-receipt': channel({
    input: z.strictObject({ qrData: QrDataSchema }),
    output: ApprovalViewModelSchema,
    summary: "Submit a receipt's QR for the confirmed buyer (or hold it in memory until one is confirmed).",
  }),
  'approval:retry': channel({
    input: Empty,
    output: ApprovalViewModelSchema,
    summary: 'Repeat the last call that failed on the network, from memory (nothing is queued to disk).',
  }),
  'approval:reset': channel({
    input: Empty,
    output: ApprovalViewModelSchema,
    summary: 'Start over with a new buyer (a receipt waiting for a buyer stays).',
  }),
  'approval:close': channel({
    input: Empty,
    output: ApprovalViewModelSchema,
    summary: 'Close the approval screen and forget the buyer and any receipt held in memory.',
  }),
} as const;

export const approvalEvents = {
  /** The whole view-model after every change. */
  'approval:updated': event(ApprovalViewModelSchema, ['cashier']),
} as const;
