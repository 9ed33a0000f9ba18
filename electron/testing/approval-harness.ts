/**
 * Test support for the approval flow against the linked eBarimt simulators: real receipts from the PosAPI
 * simulator give real qrData. Calls go through the real gate (handle(), output checked against the contract),
 * and every envelope, event and log line is kept so a test can prove qrData never left memory.
 * `openApprovalHarness()` is called once at the top of a test file; it registers the simulators' hooks.
 */
import { afterAll, beforeAll } from 'vitest';
import type { SecretName } from '../../shared/secrets';
import type { approvalChannels, ApprovalViewModel } from '../../shared/channels/approval';
import type { Envelope } from '../../shared/errors';
import type { Clock } from '../kernel/clock';
import { createEasyRegisterClient, createPosApiClient } from '../providers/ebarimt';
import { startEbarimtSimulators, type EbarimtSimulators } from '../providers/ebarimt/simulators';
import { refusedUrl, sampleReceipt, testContext } from '../providers/ebarimt/test-support';
import { createApprovalHandlers } from '../receipts/approval-handlers';
import { ApprovalService } from '../receipts/approval-service';
import { gateFor } from './till';

type ChannelName = keyof typeof approvalChannels;

let started: EbarimtSimulators | undefined;
let offlineOrigin = '';
const sims = (): EbarimtSimulators => {
  if (!started) {
    throw new Error('the approval harness is used outside its tests');
  }
  return started;
};

/** Everything any test produced: searched for qrData at the end. */
const everything = { events: [] as string[], envelopes: [] as string[], lines: [] as string[] };
/** Every qrData the tests submitted. */
const issuedQr: string[] = [];

let suffix = 300;
async function receipt(overrides: Parameters<typeof sampleReceipt>[0] = {}): Promise<string> {
  const posApi = createPosApiClient(testContext({}), sims().sandbox.settings);
  const issued = await posApi.issueReceipt(
    sampleReceipt({ billIdSuffix: String((suffix += 1)).padStart(6, '0'), ...overrides }),
  );
  issuedQr.push(issued.printable.qrData);
  return issued.printable.qrData;
}

function setup(
  options: {
    secrets?: Partial<Record<SecretName, string>>;
    timeoutMs?: number;
    /** A fake clock for the idle timeout; no timer runs then (the service checks the clock on each action). */
    clock?: Clock;
  } = {},
) {
  const ctx = testContext(options.secrets ?? sims().sandbox.secrets, {
    timeoutMs: options.timeoutMs ?? 1_500,
  });
  const network = { offline: false };
  // "Network down": while offline every request goes to a loopback port nothing listens on (ECONNREFUSED).
  const fetchImpl: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (network.offline) {
      return fetch(`${offlineOrigin}${url.pathname}`, init);
    }
    return fetch(url, init);
  };
  const client = createEasyRegisterClient({ ...ctx, fetchImpl }, sims().sandbox.settings);
  const events: ApprovalViewModel[] = [];
  const service = new ApprovalService({
    easyRegister: () => Promise.resolve(client),
    logger: ctx.logger,
    ...(options.clock === undefined ? {} : { clock: options.clock, schedule: () => () => undefined }),
    emit: (view) => {
      events.push(view);
      everything.events.push(JSON.stringify(view));
    },
  });
  const gate = gateFor(createApprovalHandlers({ approval: service }), ctx);

  /** handle() as the cashier for the approval channels: the envelope, also kept for the qrData search. */
  async function call(name: ChannelName, input: unknown = {}): Promise<Envelope<ApprovalViewModel>> {
    // The gate checked a successful value against the channel's output schema, ApprovalViewModelSchema.
    const envelope = (await gate(name, input)) as Envelope<ApprovalViewModel>;
    everything.envelopes.push(JSON.stringify(envelope));
    return envelope;
  }

  /** A call that must succeed: its view-model. */
  async function view(name: ChannelName, input: unknown = {}): Promise<ApprovalViewModel> {
    const envelope = await call(name, input);
    if (!envelope.ok) {
      throw new Error(`${name} failed: ${envelope.error.code} ${envelope.error.message}`);
    }
    return envelope.value;
  }

  return {
    call,
    view,
    events,
    network,
    service,
    done: () => {
      everything.lines.push(...ctx.lines);
    },
  };
}

const approvalsOf = (qrData: string): { qrData: string; code: string }[] =>
  sims().easyRegister.approvals.filter((a) => a.qrData === qrData);

export function openApprovalHarness() {
  beforeAll(async () => {
    started = await startEbarimtSimulators();
    offlineOrigin = new URL(await refusedUrl()).origin;
  });
  afterAll(async () => {
    await started?.close();
    started = undefined;
  });
  return { sims, receipt, setup, approvalsOf, everything, issuedQr };
}
