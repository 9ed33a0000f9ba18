/**
 * When the composition root ends the e-receipt approval session (docs/architecture.md, "Receipts and e-receipt
 * approval"): one buyer may approve several receipts in a row on the approval screen, but the session ends as soon
 * as the cashier touches a sale or leaves that screen, so a receipt scanned afterwards asks for its own buyer and
 * never lands on the previous one (issue 11, finding 7). The approval service ends it after its idle timeout
 * itself. Main decides this; the page only renders what follows.
 */
import type { ScanContext } from '../../shared/channels/scan';
import type { SessionEndReason } from '../receipts/approval-flow';

/** Every command that changes a sale or its payments (reads such as sale:current and payment:list are not). */
export const SALE_COMMANDS: ReadonlySet<string> = new Set([
  'sale:new',
  'sale:add-line',
  'sale:set-quantity',
  'sale:set-line-discount',
  'sale:set-discount',
  'sale:remove-line',
  'sale:hold',
  'sale:recall',
  'sale:void',
  'payment:start',
  'payment:cancel',
  'payment:retry',
  'payment:refund',
  'payment:submit-code',
]);

/** Whether this command, sent while the scan context is `before`, ends the buyer's session, and why. */
export function approvalSessionEnd(
  channel: string,
  input: unknown,
  before: Pick<ScanContext, 'screen'>,
): SessionEndReason | undefined {
  if (SALE_COMMANDS.has(channel)) {
    return 'sale';
  }
  if (channel === 'scan:set-screen' && before.screen === 'approval') {
    const screen = (input as { screen?: unknown } | null)?.screen;
    // Only a move away from the approval screen: a dialog opened on it, or a re-announcement, is not one.
    return typeof screen === 'string' && screen !== 'approval' ? 'left-screen' : undefined;
  }
  return undefined;
}
