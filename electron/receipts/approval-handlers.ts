/** The approval:* channels on top of the ApprovalService. */
import type { HandlerMap } from '../kernel/handlers';
import type { ApprovalService } from './approval-service';

export function createApprovalHandlers(deps: { approval: ApprovalService }): HandlerMap<'approval'> {
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
