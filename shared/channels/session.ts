/**
 * Who is at the cashier page (docs/architecture.md §3.1). A connection starts as a cashier; a
 * manager signs in with a PIN (or a scanned badge) and the connection acts as that manager until sign-out or
 * the idle timeout. Managers are added by the machine's operator (`kassa managers add NAME`), or on a fresh
 * sandbox till by the first person at the page.
 */
import { z } from 'zod';
import { channel, OPERATOR_ONLY } from '../channel';
import { freeText } from '../text';

export const PinSchema = z.string().regex(/^\d{4,12}$/, 'a PIN is 4–12 digits');

/** What a badge scanner types: printable ASCII (shared/channels/devices.ts WedgeScanTextSchema's alphabet). */
export const BadgeCodeSchema = z
  .string()
  .regex(/^[\x20-\x7e]{6,128}$/, 'a badge code is 6–128 printable characters');

export const ManagerNameSchema = freeText({ min: 1, max: 40, minMessage: 'give the manager a name' });

export const SessionViewSchema = z.object({
  role: z.enum(['cashier', 'manager']),
  /** The signed-in manager, or null for a cashier. */
  manager: z.object({ name: z.string() }).nullable(),
  /** Epoch ms when the manager session ends unless a manager action comes first; null for a cashier. */
  expiresAt: z.number().int().nullable(),
  /** At least one manager exists on this till. */
  managersExist: z.boolean(),
  /** A fresh sandbox till with no manager: the page may create the first one. */
  canCreateFirstManager: z.boolean(),
});
export type SessionView = z.infer<typeof SessionViewSchema>;

export const ManagerSummarySchema = z.object({
  name: z.string(),
  hasBadge: z.boolean(),
  createdAt: z.string(),
});
export type ManagerSummaryView = z.infer<typeof ManagerSummarySchema>;

const Empty = z.strictObject({});

export const sessionChannels = {
  'session:status': channel({
    input: Empty,
    output: SessionViewSchema,
    summary: 'Who this connection acts as: cashier, or the signed-in manager and until when.',
  }),
  'session:sign-in': channel({
    input: z.strictObject({
      /** A manager's PIN, or a badge code a scanner typed. */
      code: z.string().min(1, 'type the PIN or scan the badge').max(128, 'too long'),
    }),
    output: SessionViewSchema,
    summary:
      'Sign in as a manager with a PIN or badge; wrong codes are counted and lock sign-in for a while.',
  }),
  'session:sign-out': channel({
    input: Empty,
    output: SessionViewSchema,
    summary: 'End the manager session: the connection is a cashier again.',
  }),
  'session:create-first-manager': channel({
    input: z.strictObject({ name: ManagerNameSchema, pin: PinSchema }),
    output: SessionViewSchema,
    summary: 'On a sandbox till with no manager yet: create the first one and sign in as them.',
  }),
  'managers:list': channel({
    input: Empty,
    output: z.array(ManagerSummarySchema),
    summary: 'The managers of this till (operator only).',
    roles: OPERATOR_ONLY,
  }),
  'managers:add': channel({
    input: z.strictObject({ name: ManagerNameSchema, pin: PinSchema }),
    output: ManagerSummarySchema,
    summary: 'Add a manager (operator only: `kassa managers add NAME`, PIN on stdin).',
    roles: OPERATOR_ONLY,
  }),
  'managers:set-pin': channel({
    input: z.strictObject({ name: ManagerNameSchema, pin: PinSchema }),
    output: ManagerSummarySchema,
    summary: "Change a manager's PIN (operator only).",
    roles: OPERATOR_ONLY,
  }),
  'managers:set-badge': channel({
    input: z.strictObject({ name: ManagerNameSchema, badge: BadgeCodeSchema.nullable() }),
    output: ManagerSummarySchema,
    summary: 'Set or remove the badge a manager may scan instead of the PIN (operator only).',
    roles: OPERATOR_ONLY,
  }),
  'managers:remove': channel({
    input: z.strictObject({ name: ManagerNameSchema }),
    output: z.array(ManagerSummarySchema),
    summary: 'Remove a manager; their open sessions end with their next call (operator only).',
    roles: OPERATOR_ONLY,
  }),
} as const;
