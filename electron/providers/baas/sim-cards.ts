/**
 * Card attach in the BaaS simulator: POST /cards/attach validates the card, "sends" an SMS code (1007 while a
 * previous code for the same card is still valid, 1011 once the card is attached); POST /cards/attach/confirm
 * ([G] path) checks the code (1008 unknown attachment, 1009 expired code) and returns a card token.
 */
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import type { SimReply } from '../simulator-kit';
import { envelopeError, validation, type BaasSimShared } from './sim-shared';

export interface SimAttachment {
  attachId: string;
  pan: string;
  phoneNumber: string;
  processingType: 'UZCARD' | 'HUMO';
  smsCode: string;
  smsExpiresAt: number;
  state: 'sms_sent' | 'attached';
  cardToken?: string;
}

export function attachRoutes(shared: BaasSimShared, attachments: Map<string, SimAttachment>) {
  const byPan = (pan: string): SimAttachment | undefined =>
    [...attachments.values()].filter((a) => a.pan === pan).at(-1);

  const attach = (id: string, p: Record<string, unknown>): SimReply => {
    if (typeof p.pan !== 'string' || !/^\d{16}$/.test(p.pan)) {
      return validation(shared, id, 'pan', 'must be 16 digits');
    }
    if (typeof p.expiry !== 'string' || !/^\d{2}(0[1-9]|1[0-2])$/.test(p.expiry)) {
      return envelopeError(
        shared,
        id,
        3,
        "Field: expiry, value is invalid and can't be parsed. Message: expected yyMM",
      );
    }
    if (p.processingType !== 'UZCARD' && p.processingType !== 'HUMO') {
      return envelopeError(
        shared,
        id,
        3,
        "Field: processingType, value is invalid and can't be parsed. Message: expected UZCARD or HUMO",
      );
    }
    if (typeof p.phoneNumber !== 'string' || !/^998\d{9}$/.test(p.phoneNumber)) {
      return validation(shared, id, 'phoneNumber', 'must be 12 digits starting with 998');
    }
    const previous = byPan(p.pan);
    if (previous?.state === 'attached') {
      return envelopeError(shared, id, 1011, 'Card is already attached');
    }
    if (previous !== undefined && shared.now() < previous.smsExpiresAt) {
      return envelopeError(
        shared,
        id,
        1007,
        'Previous SMS code for this request is not expired yet. Please confirm SMS code or wait till it expires',
      );
    }
    const attachment: SimAttachment = {
      attachId: randomUUID(),
      pan: p.pan,
      phoneNumber: p.phoneNumber,
      processingType: p.processingType,
      smsCode: String(randomInt(0, 1_000_000)).padStart(6, '0'),
      smsExpiresAt: shared.now() + shared.smsTtlMs,
      state: 'sms_sent',
    };
    attachments.set(attachment.attachId, attachment);
    return shared.ok(id, {
      attachId: attachment.attachId,
      expiresInSec: Math.round(shared.smsTtlMs / 1000),
      maskedPhone: `${p.phoneNumber.slice(0, 5)}*****${p.phoneNumber.slice(-2)}`,
    });
  };

  const confirm = (id: string, p: Record<string, unknown>): SimReply => {
    if (typeof p.smsCode !== 'string' || !/^\d{4,8}$/.test(p.smsCode)) {
      return validation(shared, id, 'smsCode', 'must be the digits of the SMS code');
    }
    const attachment = typeof p.attachId === 'string' ? attachments.get(p.attachId) : undefined;
    if (attachment === undefined || attachment.state === 'attached') {
      return envelopeError(shared, id, 1008, `Card is not found by params: attachId=${String(p.attachId)}`);
    }
    if (shared.now() >= attachment.smsExpiresAt) {
      return envelopeError(shared, id, 1009, 'SMS code is already expired');
    }
    if (p.smsCode !== attachment.smsCode) {
      return validation(shared, id, 'smsCode', 'SMS code is incorrect');
    }
    attachment.state = 'attached';
    attachment.cardToken = randomBytes(24).toString('hex');
    return shared.ok(id, {
      cardToken: attachment.cardToken,
      maskedPan: `${attachment.pan.slice(0, 6)}******${attachment.pan.slice(-4)}`,
      expiry: 'hidden',
      processingType: attachment.processingType,
    });
  };

  return (path: string, id: string, params: Record<string, unknown>): SimReply | undefined => {
    if (path === '/cards/attach') {
      return attach(id, params);
    }
    if (path === '/cards/attach/confirm') {
      return confirm(id, params);
    }
    return undefined;
  };
}
