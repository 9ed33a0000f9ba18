/**
 * The one scan router (docs/architecture.md §10). Every scan — HID POS from the device manager, a wedge scan
 * or a typed code from the cashier page (scan:submit) — comes here: it is classified (shared/codes.ts) with the
 * shop's rules and the reading of the screen the page last reported, decided (scan-decision.ts) and carried out
 * through ScanActions, and its outcome is published (`scan:outcome`) and returned.
 *
 * Scans are carried out one at a time in arrival order, so two quick scans keep their order and the second sees
 * what the first did. An action never waits on a network: the approval flow's eBarimt calls run on after the scan
 * is taken (their answers arrive as approval:updated).
 *
 * Scan text is never logged (it may be eBarimt qrData): logs carry the kind, the length and the result.
 */
import type { ScanContext, ScanError, ScanOutcome } from '../../shared/channels/scan';
import { classifyCode, type ClassifiedCode, type ClassifyOptions } from '../../shared/codes';
import { SerialQueue } from '../kernel/serial-queue';
import type { Logger } from '../log/logger';
import type { Scan } from './scan';
import type { LineAdded, ScanActionResult, ScanActions } from './scan-actions';
import { decideScan, type ScanDecision } from './scan-decision';

export interface ScanRouterDeps {
  actions: ScanActions;
  /** The shop's embedded weight/price rules and country, read at every scan so a settings change applies at once. */
  classifyOptions(): Pick<ClassifyOptions, 'embedded' | 'country'>;
  emit(outcome: ScanOutcome): void;
  log: Logger;
}

/** Until the page says otherwise the cashier is on the sale screen, where the cashier page opens. */
export const INITIAL_SCAN_CONTEXT: ScanContext = { screen: 'sale', dialog: false, quantity: null };

type Carried =
  | { result: 'line-added'; line: LineAdded; multiplier: number | null }
  | { result: 'approval'; step: 'opened' | 'receipt' | 'identify' }
  | { result: 'refused'; error: ScanError };

export class ScanRouter {
  readonly #deps: ScanRouterDeps;
  readonly #queue = new SerialQueue();
  #context: ScanContext = INITIAL_SCAN_CONTEXT;
  #seq = 0;

  constructor(deps: ScanRouterDeps) {
    this.#deps = deps;
  }

  get context(): ScanContext {
    return this.#context;
  }

  setContext(context: ScanContext): ScanContext {
    this.#context = context;
    this.#deps.log.debug(
      { screen: context.screen, dialog: context.dialog, multiplier: context.quantity },
      'scan context',
    );
    return context;
  }

  /** Queue one scan; resolves with its outcome once it has been carried out (and published). */
  route(scan: Scan): Promise<ScanOutcome> {
    return this.#queue.run(() => this.#carryOut(scan));
  }

  async #carryOut(scan: Scan): Promise<ScanOutcome> {
    const seq = ++this.#seq;
    const context = this.#context;
    let kind: ClassifiedCode['kind'] = 'unknown';
    let carried: Carried;
    try {
      const code = classifyCode(scan.text, {
        ...this.#deps.classifyOptions(),
        prefer: context.screen === 'approval' ? 'identity' : 'product',
        ...(scan.symbology === undefined ? {} : { symbology: scan.symbology }),
      });
      kind = code.kind;
      carried = await this.#act(decideScan(code, scan.text, context), scan, context);
    } catch (error) {
      this.#deps.log.error(
        { seq, source: scan.source, err: error instanceof Error ? error.name : 'unknown' },
        'scan failed',
      );
      carried = { result: 'refused', error: { code: 'failed' } };
    }
    const outcome = outcomeOf(seq, scan, kind, carried);
    this.#deps.log.info(
      {
        seq,
        source: scan.source,
        deviceId: scan.deviceId,
        screen: context.screen,
        kind,
        length: scan.text.length,
        result: outcome.result,
        ...(outcome.result === 'refused' ? { reason: outcome.error.code } : {}),
      },
      'scan carried out',
    );
    this.#deps.emit(outcome);
    return outcome;
  }

  async #act(decision: ScanDecision, scan: Scan, context: ScanContext): Promise<Carried> {
    const { actions } = this.#deps;
    const multiplier = scan.quantity ?? context.quantity;
    const quantity = multiplier ?? 1;
    switch (decision.action) {
      case 'refuse':
        return { result: 'refused', error: decision.error };
      case 'add-product':
        return this.#line(
          await actions.addProduct({ code: decision.code, quantity, ifMissing: decision.ifMissing }),
          multiplier,
        );
      case 'add-label':
        return this.#line(
          await actions.addLabel({
            lookupCode: decision.lookupCode,
            barcode: decision.barcode,
            kind: decision.kind,
            value: decision.value,
            quantity,
          }),
          multiplier,
        );
      case 'open-approval':
        return approval(await actions.openApproval(decision.qrData), 'opened');
      case 'approval-receipt':
        return approval(await actions.approvalReceipt(decision.qrData), 'receipt');
      case 'approval-identify':
        return approval(await actions.approvalIdentify(decision.query), 'identify');
    }
  }

  /** A line went in: a pending `N*` has been used up (the page clears its field when told). */
  #line(result: ScanActionResult<LineAdded>, multiplier: number | null): Carried {
    if (!result.ok) {
      return { result: 'refused', error: result.error };
    }
    if (multiplier !== null && this.#context.quantity !== null) {
      this.#context = { ...this.#context, quantity: null };
    }
    return { result: 'line-added', line: result.value, multiplier };
  }
}

function approval(result: ScanActionResult<null>, step: 'opened' | 'receipt' | 'identify'): Carried {
  return result.ok ? { result: 'approval', step } : { result: 'refused', error: result.error };
}

function outcomeOf(seq: number, scan: Scan, kind: ClassifiedCode['kind'], carried: Carried): ScanOutcome {
  const base = { seq, source: scan.source, kind };
  switch (carried.result) {
    case 'line-added':
      return {
        ...base,
        result: 'line-added',
        saleId: carried.line.saleId,
        lineId: carried.line.lineId,
        multiplier: carried.multiplier,
        navigate: 'sale',
      };
    case 'approval':
      return { ...base, result: 'approval', step: carried.step, navigate: 'approval' };
    case 'refused':
      return { ...base, result: 'refused', error: carried.error, navigate: null };
  }
}
