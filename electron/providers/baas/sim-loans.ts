/**
 * Microloan applications in the BaaS simulator: pre-scoring registers an application (or refuses it with the
 * scoring codes 1002/1003); the status call ([G] path) answers 1000 for an unknown application and 1001 while
 * one is still being processed, as the bank's error table suggests.
 */
import type { SimReply } from '../simulator-kit';
import { envelopeError, validation, type BaasSimShared } from './sim-shared';

export interface SimApplication {
  externalId: string;
  phoneNumber: string;
  status: 'IN_PROGRESS' | 'APPROVED' | 'REJECTED';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function applicationRoutes(
  shared: BaasSimShared,
  applications: Map<string, SimApplication>,
  refusals: ReadonlyMap<string, 1002 | 1003>,
) {
  const register = (id: string, p: Record<string, unknown>): SimReply => {
    if (typeof p.externalId !== 'string' || !UUID.test(p.externalId)) {
      return validation(shared, id, 'externalId', 'must be a valid UUID');
    }
    if (p.isAgreementAccepted !== true) {
      return validation(shared, id, 'isAgreementAccepted', 'must be true');
    }
    if (typeof p.phoneNumber !== 'string' || !/^998\d{9}$/.test(p.phoneNumber)) {
      return validation(shared, id, 'phoneNumber', 'must be 12 digits starting with 998');
    }
    if (p.clientData === null || typeof p.clientData !== 'object') {
      return validation(shared, id, 'clientData', 'Field must be not null');
    }
    if (applications.has(p.externalId)) {
      return envelopeError(shared, id, 1001, 'Application is in progress');
    }
    const refusal = refusals.get(p.phoneNumber);
    if (refusal === 1002) {
      return envelopeError(shared, id, 1002, 'Имеется просрочка в активных кредитах');
    }
    if (refusal === 1003) {
      return envelopeError(shared, id, 1003, 'Повышенный уровень риска по клиенту');
    }
    applications.set(p.externalId, {
      externalId: p.externalId,
      phoneNumber: p.phoneNumber,
      status: 'IN_PROGRESS',
    });
    return shared.ok(id, { applicationId: p.externalId, status: 'REGISTERED' });
  };

  const status = (id: string, p: Record<string, unknown>): SimReply => {
    const application = typeof p.externalId === 'string' ? applications.get(p.externalId) : undefined;
    if (application === undefined) {
      return envelopeError(shared, id, 1000, 'Application not found');
    }
    if (application.status === 'IN_PROGRESS') {
      return envelopeError(shared, id, 1001, 'Application is in progress');
    }
    return shared.ok(id, {
      status: application.status,
      rejectReason: application.status === 'REJECTED' ? 'Income not confirmed' : null,
    });
  };

  return (path: string, id: string, params: Record<string, unknown>): SimReply | undefined => {
    if (path === '/microloans/applications/pre-scoring/register') {
      return register(id, params);
    }
    if (path === '/microloans/applications/status') {
      return status(id, params);
    }
    return undefined;
  };
}
