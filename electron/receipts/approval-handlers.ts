/**
 * The approval:* channels. The map is typed from approvalChannels itself so it type-checks before the lead
 * spreads the channels into shared/contract.ts; it is structurally HandlerMap<keyof typeof approvalChannels>.
 */
import type { z } from 'zod';
import type { approvalChannels } from '../../shared/channels/approval';
import type { CallContext } from '../core/handlers';
import type { ApprovalService } from './approval-service';

type Channels = typeof approvalChannels;

export type ApprovalHandlers = {
  [K in keyof Channels]: (
    input: z.output<Channels[K]['input']>,
    ctx: CallContext,
  ) => Promise<z.output<Channels[K]['output']>>;
};

export function createApprovalHandlers(deps: { approval: ApprovalService }): ApprovalHandlers {
  const { approval } = deps;
  return {
    'approval:state': () => Promise.resolve(approval.view()),
    'approval:start': ({ qrData }) => approval.start(qrData),
    'approval:identify': ({ query }) => approval.identify(query),
    'approval:confirm': () => approval.confirm(),
    'approval:scan-receipt': ({ qrData }) => approval.scanReceipt(qrData),
    'approval:retry': () => approval.retry(),
    'approval:reset': () => approval.reset(),
    'approval:close': () => approval.close(),
  };
}
