/**
 * PosAPI 3.0 simulator: a real loopback HTTP server that behaves like the merchant's local PosAPI service.
 * Strict about what PosAPI's documents say (docs/providers.md §1.5: field formats, the amount rule, payments
 * covering the total, billIdSuffix unique within the day, registered merchant TIN); stateful (receipts,
 * deletions, sendData).
 * Business refusals answer HTTP 200 with `{ status: 'ERROR' | 'PAYMENT', message }` (docs/providers.md §1.6).
 * It issues qrData (200 digits, like the staging sample) and lottery; the Easy Register simulator reads them
 * back through `lookupQr` when the two are started together (see ../simulators.ts).
 */
import { randomInt } from 'node:crypto';
import {
  startSimulatorServer,
  type RunningSimulator,
  type SimReply,
  type SimRequest,
} from '../../simulator-kit';
import { randomDigits, ulaanbaatarDateTime, withFieldDrops } from '../sim-support';
import { DeleteReceiptRequestSchema, WireReceiptRequestSchema, type WireReceiptRequest } from './schemas';

export interface SimReceipt {
  id: string;
  date: string;
  type: WireReceiptRequest['type'];
  billIdSuffix: string;
  totalAmount: number;
  totalVAT: number;
  totalCityTax: number;
  consumerNo: string | null;
  customerTin: string | null;
  /** The simulator plays the tax authority, so it keeps these; Kassa never does. */
  qrData: string;
  lottery: string;
  easy: boolean;
  deleted: boolean;
  sent: boolean;
  /** A corrected receipt: the receipt it replaced (`inactiveId`). */
  inactiveId: string | null;
  /** Replaced by a corrected receipt with this id (it no longer counts). */
  replacedBy: string | null;
}

export interface PosApiSimulatorOptions {
  now?: () => number;
  merchantTin?: string;
  merchantName?: string;
  posNo?: string;
  /** Whether an 8-digit consumerNo is a real eBarimt account (linked to the Easy Register simulator). */
  isKnownConsumer?: (customerNo: string) => boolean;
}

export interface PosApiSimulator extends RunningSimulator {
  readonly receipts: readonly SimReceipt[];
  /** The receipt a qrData belongs to (the Easy Register simulator's view of the central system). */
  lookupQr(qrData: string): SimReceipt | undefined;
  /** The next JSON reply omits this top-level field (schema drift). */
  dropFieldNext(field: string): void;
  /** An inactive PosAPI answers 503 (not logged in / no merchant). */
  setActivated(active: boolean): void;
  readonly identity: { merchantTin: string; posNo: string };
}

const error = (message: string, status = 200): SimReply => ({ status, body: { status: 'ERROR', message } });

/** Rounding tolerance when checking VAT ≈ base × 10 % (PosAPI rounds per item). */
const VAT_TOLERANCE = 15;

function amountProblem(body: WireReceiptRequest): string | undefined {
  let total = 0;
  let vat = 0;
  let city = 0;
  for (const sub of body.receipts) {
    let subTotal = 0;
    let subVat = 0;
    let subCity = 0;
    for (const item of sub.items) {
      const base = item.totalAmount - item.totalVAT - item.totalCityTax;
      if (item.totalVAT < 0 || item.totalCityTax < 0 || base < 0) {
        return `"${item.name}": totalAmount must equal base + VAT + city tax with no negative part`;
      }
      if (sub.taxType !== 'VAT_ABLE' && item.totalVAT !== 0) {
        return `"${item.name}": ${sub.taxType} items carry no VAT`;
      }
      if (sub.taxType === 'VAT_ABLE' && Math.abs(item.totalVAT * 10 - base) > VAT_TOLERANCE) {
        return `"${item.name}": VAT ${item.totalVAT} is not 10 % of the base ${base}`;
      }
      if (item.totalCityTax * 100 > base * 3 + VAT_TOLERANCE) {
        return `"${item.name}": city tax ${item.totalCityTax} is above the legal rate`;
      }
      subTotal += item.totalAmount;
      subVat += item.totalVAT;
      subCity += item.totalCityTax;
    }
    if (subTotal !== sub.totalAmount || subVat !== sub.totalVAT || subCity !== sub.totalCityTax) {
      return `${sub.taxType} receipt totals do not equal the sum of its items`;
    }
    total += subTotal;
    vat += subVat;
    city += subCity;
  }
  if (total !== body.totalAmount || vat !== (body.totalVAT ?? 0) || city !== (body.totalCityTax ?? 0)) {
    return 'totalAmount / totalVAT / totalCityTax do not equal the sum of the receipts';
  }
  return undefined;
}

export async function startPosApiSimulator(options: PosApiSimulatorOptions = {}): Promise<PosApiSimulator> {
  const now = options.now ?? Date.now;
  const merchantTin = options.merchantTin ?? '00000038001';
  const posNo = options.posNo ?? '10000001';
  const receipts: SimReceipt[] = [];
  const byQr = new Map<string, SimReceipt>();
  const suffixes = new Set<string>();
  let activated = true;
  let lastSentDate: string | null = null;

  const letter = (): string => String.fromCharCode(65 + randomInt(26));

  const issue = (req: SimRequest): SimReply => {
    if (req.bodyInvalid) {
      return error('Request body is not valid JSON', 400);
    }
    const parsed = WireReceiptRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
      return error(`Талбарын мэдээлэл буруу (invalid fields): ${where}`);
    }
    const body = parsed.data;
    if (body.merchantTin !== merchantTin) {
      return error(`Merchant ${body.merchantTin} is not registered in this PosAPI`);
    }
    if (!body.type.startsWith('B2C') && (body.consumerNo ?? null) !== null) {
      return error('consumerNo is allowed on B2C receipts only');
    }
    if (body.type.startsWith('B2B') && !body.customerTin) {
      return error('customerTin is required on B2B receipts');
    }
    const problem = amountProblem(body);
    if (problem !== undefined) {
      return error(`Дүн буруу (amount rule): ${problem}`);
    }
    const paid = body.payments.filter((p) => p.status === 'PAID').reduce((s, p) => s + p.paidAmount, 0);
    if (paid !== body.totalAmount) {
      return { status: 200, body: { status: 'PAYMENT', message: `Paid ${paid} of ${body.totalAmount}` } };
    }
    const replaced = body.inactiveId ? receipts.find((r) => r.id === body.inactiveId) : undefined;
    if (body.inactiveId && (!replaced || replaced.deleted || replaced.replacedBy !== null)) {
      return error(`inactiveId ${body.inactiveId}: no active receipt with this id`);
    }
    const date = ulaanbaatarDateTime(now());
    const dayKey = `${date.slice(0, 10)}|${body.billIdSuffix}`;
    if (suffixes.has(dayKey)) {
      return error(`billIdSuffix ${body.billIdSuffix} давхардсан байна (already used today)`);
    }
    suffixes.add(dayKey);
    const sequence = String(receipts.length + 1).padStart(15, '0');
    const id = `${posNo.padStart(10, '0').slice(-10)}${date.slice(0, 10).replace(/-/g, '')}${sequence}`;
    const b2c = body.type.startsWith('B2C');
    const consumerNo = body.consumerNo ?? null;
    const receipt: SimReceipt = {
      id,
      date,
      type: body.type,
      billIdSuffix: body.billIdSuffix,
      totalAmount: body.totalAmount,
      totalVAT: body.totalVAT ?? 0,
      totalCityTax: body.totalCityTax ?? 0,
      consumerNo,
      customerTin: body.customerTin ?? null,
      qrData: randomDigits(200),
      lottery: b2c ? `${letter()}${letter()} ${randomDigits(8)}` : '',
      easy: consumerNo !== null && (options.isKnownConsumer?.(consumerNo) ?? true),
      deleted: false,
      sent: false,
      inactiveId: body.inactiveId ?? null,
      replacedBy: null,
    };
    if (replaced) {
      replaced.replacedBy = id;
    }
    receipts.push(receipt);
    byQr.set(receipt.qrData, receipt);
    return {
      status: 200,
      body: {
        ...body,
        id,
        posId: 1,
        status: 'SUCCESS',
        message: '',
        qrData: receipt.qrData,
        lottery: receipt.lottery,
        date,
        easy: receipt.easy,
        version: '3.0.sim',
        receipts: body.receipts.map((_, i) => ({
          id: `${id.slice(0, 30)}${String(i + 1).padStart(3, '0')}`,
        })),
      },
    };
  };

  const remove = (req: SimRequest): SimReply => {
    const parsed = DeleteReceiptRequestSchema.safeParse(req.body);
    if (!parsed.success) {
      return error('id (33 digits) and date (yyyy-MM-dd HH:mm:ss) are required', 400);
    }
    const receipt = receipts.find((r) => r.id === parsed.data.id);
    if (!receipt || receipt.deleted) {
      return error('Баримт олдсонгүй (receipt not found)', 404);
    }
    if (receipt.date !== parsed.data.date) {
      return error('date does not match the receipt');
    }
    receipt.deleted = true;
    return { status: 200, body: { status: 'SUCCESS', message: '', date: ulaanbaatarDateTime(now()) } };
  };

  const drops = withFieldDrops((req) => {
    if (!activated) {
      return { status: 503, body: { status: 'ERROR', message: 'POS API is not activated' } };
    }
    const key = `${req.method} ${req.path.replace(/\/+$/, '')}`;
    switch (key) {
      case 'POST /rest/receipt':
        return issue(req);
      case 'DELETE /rest/receipt':
        return remove(req);
      case 'GET /rest/info':
        return {
          status: 200,
          body: {
            operatorName: 'Kassa simulator operator',
            operatorTIN: merchantTin,
            posId: 1,
            posNo,
            version: '3.0.sim',
            lastSentDate,
            leftLotteries: 10_000 - receipts.filter((r) => r.lottery !== '').length,
            appInfo: { applicationDir: '/sim', currentDir: '/sim', database: 'memory', workDir: '/sim' },
            paymentTypes: [
              { code: 'CASH', name: 'Бэлэн' },
              { code: 'PAYMENT_CARD', name: 'Карт' },
            ],
            merchants: [{ tin: merchantTin, name: options.merchantName ?? 'Kassa Demo ХХК', vatPayer: true }],
            condition: { isMedicine: false },
          },
        };
      case 'GET /rest/sendData':
        for (const receipt of receipts) {
          receipt.sent = true;
        }
        lastSentDate = ulaanbaatarDateTime(now());
        return { status: 200 };
      default:
        return error(`No route ${req.method} ${req.path}`, 404);
    }
  });

  const server = await startSimulatorServer(drops.route);
  return {
    ...server,
    receipts,
    identity: { merchantTin, posNo },
    lookupQr: (qrData) => byQr.get(qrData),
    dropFieldNext: drops.dropFieldNext,
    setActivated(active) {
      activated = active;
    },
  };
}
