/**
 * The sandbox profile: every provider's simulator started on 127.0.0.1 inside the till's own process, with
 * freshly generated test credentials. Their URLs overlay the provider settings and their credentials are held
 * in memory only — the sandbox never writes to the operator's settings file or vault.
 *
 * Only hosts and tests import this file; they hand `startSandboxSimulators` to createKassa, which sees the
 * simulators only through sandbox/types.ts.
 */
import type { PaymentMethod } from '../../shared/domain';
import { startBaasSimulator, type BaasSimulator } from '../providers/baas/simulator';
import { startBogSimulator, type BogSimulator } from '../providers/bog/simulator';
import { startEbarimtSimulators, type EbarimtSimulators } from '../providers/ebarimt/simulators';
import { startPocketSimulator, type PocketSimulator } from '../providers/pocket/simulator';
import { SOCIALPAY_PATHS } from '../providers/socialpay/client';
import { startSocialpaySimulator, type SocialpaySimulator } from '../providers/socialpay/simulator';
import type { SandboxCustomerApp, SandboxSimulators } from './types';

/** The running simulators themselves, for hosts and tests that inspect what a "bank" received. */
export interface RunningSandbox extends SandboxSimulators {
  socialpay: SocialpaySimulator;
  pocket: PocketSimulator;
  ebarimt: EbarimtSimulators;
  bog: BogSimulator;
  baas: BaasSimulator;
}

/** A bank-QR simulator acts on an invoice the way the customer's banking app would. */
interface InvoiceSimulator {
  markPaid(ref: string): void;
  markDeclined(ref: string): void;
  markExpired(ref: string): void;
}

function invoiceApp(sim: InvoiceSimulator): SandboxCustomerApp {
  return {
    pay: (ref) => {
      sim.markPaid(ref);
    },
    decline: (ref) => {
      sim.markDeclined(ref);
    },
    expire: (ref) => {
      sim.markExpired(ref);
    },
  };
}

/** The bank decides a microloan: "pay" = approved, "decline" and "expire" = rejected. */
function microloanApp(baas: BaasSimulator): SandboxCustomerApp {
  return {
    pay: (id) => {
      baas.setApplicationStatus(id, 'APPROVED');
    },
    decline: (id) => {
      baas.setApplicationStatus(id, 'REJECTED');
    },
    expire: (id) => {
      baas.setApplicationStatus(id, 'REJECTED');
    },
  };
}

export async function startSandboxSimulators(): Promise<RunningSandbox> {
  const started: { close(): Promise<void> }[] = [];
  try {
    const socialpay = await startSocialpaySimulator();
    started.push(socialpay);
    const pocket = await startPocketSimulator();
    started.push(pocket);
    const ebarimt = await startEbarimtSimulators();
    started.push(ebarimt);
    const bog = await startBogSimulator();
    started.push(bog);
    const baas = await startBaasSimulator();
    started.push(baas);
    const socialpayCreates = new Set<string>([
      SOCIALPAY_PATHS.qr,
      SOCIALPAY_PATHS.qrDeeplink,
      SOCIALPAY_PATHS.phone,
    ]);
    const socialpayQrApp: SandboxCustomerApp = {
      ...invoiceApp(socialpay),
      created: () => socialpay.requests.filter((r) => socialpayCreates.has(r.path)).length,
      adopt: ({ providerRef, amountMinor }) => {
        socialpay.adopt(providerRef, String(amountMinor));
      },
    };
    const apps: Record<PaymentMethod, SandboxCustomerApp | undefined> = {
      'socialpay.qr': socialpayQrApp,
      'socialpay.deeplink': socialpayQrApp,
      'socialpay.phone': invoiceApp(socialpay),
      'pocket.qr': invoiceApp(pocket),
      'bog.qr': invoiceApp(bog),
      'baas.microloan': microloanApp(baas),
      cash: undefined,
    };
    return {
      socialpay,
      pocket,
      ebarimt,
      bog,
      baas,
      customerApp: (method) => apps[method],
      approvals: () => ebarimt.easyRegister.approvals,
      cardSmsCode: (attachId) => baas.attachment(attachId)?.smsCode,
      taxReceipts: () =>
        ebarimt.posApi.receipts.map((r) => ({
          id: r.id,
          type: r.type,
          customerTin: r.customerTin,
          consumerNo: r.consumerNo,
        })),
      overlay: (providers) => ({
        ...providers,
        socialpay: { ...providers.socialpay, ...socialpay.sandbox.settings },
        pocket: { ...providers.pocket, ...pocket.sandbox.settings },
        ebarimt: { ...ebarimt.sandbox.settings, enabled: providers.ebarimt.enabled },
        bog: { ...providers.bog, ...bog.sandbox.settings },
        baas: { ...providers.baas, ...baas.sandbox.settings },
      }),
      secrets: {
        ...socialpay.sandbox.secrets,
        ...pocket.sandbox.secrets,
        ...ebarimt.sandbox.secrets,
        ...bog.sandbox.secrets,
        ...baas.sandbox.secrets,
      },
      close: async () => {
        await Promise.all(started.map((s) => s.close()));
      },
    };
  } catch (error) {
    await Promise.all(started.map((s) => s.close()));
    throw error;
  }
}
