/**
 * A sale's eBarimt receipt as the journal keeps it: a reference {id, status, …}, never the receipt's qrData or
 * lottery (shared/domain.ts, file comment). The receipts module owns the lifecycle (docs/architecture.md §9).
 */
import { z } from 'zod';

const TimestampSchema = z.number().int().nonnegative();

/**
 * Receipt statuses (docs/architecture.md §9.1). `pending`: written (with its bill-id suffix) before PosAPI is
 * called; `issued`; `unconfirmed`: the answer was lost, so PosAPI may hold a receipt for this sale that the
 * till cannot read back (PosAPI 3.0 has no lookup by suffix) — a manager resolves it; `returned`: deleted at
 * PosAPI after a full refund; `not-issued`: a manager decided the sale gets no receipt (with a reason);
 * `failed`: kept for journals written before unconfirmed existed.
 */
export const RECEIPT_STATUSES = [
  'pending',
  'issued',
  'failed',
  'returned',
  'unconfirmed',
  'not-issued',
] as const;
export const ReceiptStatusSchema = z.enum(RECEIPT_STATUSES);
export type ReceiptStatus = z.infer<typeof ReceiptStatusSchema>;

/** A receipt PosAPI issued: what is needed to return (DELETE) or correct (inactiveId) it later. */
export const IssuedReceiptRefSchema = z.strictObject({
  /** 33-digit ДДТД. */
  id: z.string().regex(/^\d{33}$/),
  /** PosAPI's "yyyy-MM-dd HH:mm:ss" stamp. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
  /** The receipt's total (minor units). */
  amount: z.number().int().nonnegative(),
});
export type IssuedReceiptRef = z.infer<typeof IssuedReceiptRefSchema>;

/** A manager's decision on a receipt problem (receipt:resolve), journaled with the sale. */
export const ReceiptResolutionSchema = z.strictObject({
  action: z.enum(['issued', 'reissue', 'no-receipt']),
  by: z.string().min(1).max(80),
  reason: z.string().max(200).optional(),
  at: TimestampSchema,
});
export type ReceiptResolution = z.infer<typeof ReceiptResolutionSchema>;

/** Where the receipt stands; the receipts module owns the lifecycle. Never the receipt's qrData or lottery. */
export const ReceiptRefSchema = z.strictObject({
  id: z.string().min(1).max(64),
  status: ReceiptStatusSchema,
  /** Issued receipts: PosAPI's date stamp (a return needs it) and the receipt's total. */
  date: z.string().max(32).optional(),
  amount: z.number().int().nonnegative().optional(),
  /** Bill-id suffixes used before the current one (corrections, manager re-issues); 0 or absent: the first. */
  revision: z.number().int().nonnegative().optional(),
  /** A pending / unconfirmed correction: the receipt it replaces (sent as `inactiveId`). */
  corrects: IssuedReceiptRefSchema.optional(),
  /** When the current bill-id suffix was last sent to PosAPI (a lost answer is retried only that PosAPI day). */
  sentAt: TimestampSchema.optional(),
  resolution: ReceiptResolutionSchema.optional(),
});
export type ReceiptRef = z.infer<typeof ReceiptRefSchema>;
