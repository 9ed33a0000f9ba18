/**
 * Test-only, run as its own process by the crash test (electron/core/crash.test.ts):
 *   node --import tsx crash-child.ts DATA_DIR
 * Opens a real till (the Node host's core) in DATA_DIR and runs real commands in a loop until it is killed:
 * a sale, one or two lines, then a cash payment (two sales in three) or a SocialPay QR payment the customer
 * pays, then waits for the eBarimt receipt. After every acknowledged command it prints one line
 * `ACK {json}` — what the parent will look for after the kill.
 *
 * The sandbox's provider simulators live in the parent, so invoices survive the kill like a real bank's: the
 * parent passes their addresses and credentials in KASSA_CRASH_SANDBOX (`{ providers, secrets }`), and the
 * customer's banking app is the parent too — this process prints `PAY <method> <providerRef>` and the parent
 * pays the invoice at its simulator.
 */
import type { SaleView } from '../../shared/channels/sale';
import { needsRecovery, type Payment, type PaymentMethod } from '../../shared/domain';
import type { Envelope } from '../../shared/errors';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { Settings } from '../../shared/settings';
import type { SecretName } from '../../shared/secrets';
import { openNodeKassa } from '../hosts/node-kassa';
import { createLogger } from '../log/logger';
import type { SandboxSimulators } from '../sandbox/types';

const dataDir = process.argv[2];
const sandboxJson = process.env.KASSA_CRASH_SANDBOX;
if (dataDir === undefined || sandboxJson === undefined) {
  throw new Error('usage: KASSA_CRASH_SANDBOX=… crash-child.ts DATA_DIR');
}
const sandbox = JSON.parse(sandboxJson) as {
  providers: Settings['providers'];
  secrets: Partial<Record<SecretName, string>>;
};

const print = (line: string): void => {
  process.stdout.write(`${line}\n`);
};
const ack = (fields: Record<string, unknown>): void => {
  print(`ACK ${JSON.stringify(fields)}`);
};

const simulators: SandboxSimulators = {
  overlay: () => sandbox.providers,
  secrets: sandbox.secrets,
  customerApp: (method: PaymentMethod) => ({
    pay: (ref: string) => {
      print(`PAY ${method} ${ref}`);
    },
    decline: () => undefined,
    expire: () => undefined,
  }),
  approvals: () => [],
  close: () => Promise.resolve(),
};

const { logger, redactor } = createLogger({ level: 'error' });
const node = openNodeKassa({
  dataDir,
  host: 'test',
  logger,
  redactor,
  env: { KASSA_VAULT_KEY: '8'.repeat(64) },
  startSandbox: () => Promise.resolve(simulators),
});
const { kassa } = node;

async function call<T>(channel: string, input: unknown = {}): Promise<T> {
  const result: Envelope<unknown> = await kassa.invoke('operator', channel, input);
  if (!result.ok) {
    throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  }
  return result.value as T;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Asks until `done` holds (the parent pays in its own time); gives up after `ms`. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!done(value) && Date.now() < deadline) {
    await pause(20);
    value = await read();
  }
  return value;
}

/**
 * What a previous run left: its open payments are asked about (and withdrawn when the bank never got them), an
 * unpaid sale is voided. A sale that cannot be moved on is what the crash test calls stuck: this prints
 * `STUCK {json}` with its payments and exits.
 */
async function moveOn(): Promise<void> {
  const current = await call<SaleView | null>('sale:current');
  if (current === null) {
    return;
  }
  for (const payment of current.payments.filter((p) => needsRecovery(p.state))) {
    const checked = await until(
      () => call<Payment>('payment:check', { paymentId: payment.id }),
      (p) => !needsRecovery(p.state),
      2000,
    );
    if (needsRecovery(checked.state)) {
      await call('payment:cancel', { paymentId: payment.id }).catch(() => undefined);
    }
  }
  const again = await call<SaleView | null>('sale:current');
  if (again === null || (again.sale.status !== 'open' && again.sale.status !== 'paying')) {
    return;
  }
  try {
    await call('sale:void', { saleId: again.sale.id, reason: 'left by a crash' });
  } catch (error) {
    print(
      `STUCK ${JSON.stringify({
        number: again.sale.number,
        status: again.sale.status,
        total: again.sale.totals.total,
        payments: again.payments.map((p) => ({ method: p.method, state: p.state, amount: p.amount.amount })),
        error: error instanceof Error ? error.message : String(error),
      })}`,
    );
    process.exit(2);
  }
}

async function oneSale(round: number): Promise<void> {
  const opened = await call<SaleView>('sale:new');
  const saleId = opened.sale.id;
  ack({ kind: 'sale', saleId, number: opened.sale.number });
  const codes = round % 2 === 0 ? ['8650001000015'] : ['8650001000015', '8650001000022'];
  for (const code of codes) {
    const view = await call<SaleView>('sale:add-line', { kind: 'catalog', code });
    ack({ kind: 'line', saleId, lineId: view.sale.lines.at(-1)?.id });
  }
  const method: PaymentMethod = round % 3 === 2 ? 'socialpay.qr' : 'cash';
  const started = await call<Payment>('payment:start', { saleId, method });
  ack({ kind: 'payment', saleId, paymentId: started.id, state: started.state });
  if (method !== 'cash') {
    await call('sandbox:customer-pay', { paymentId: started.id });
    const paid = await until(
      () => call<Payment>('payment:check', { paymentId: started.id }),
      (p) => p.state === 'paid',
    );
    ack({ kind: 'payment', saleId, paymentId: paid.id, state: paid.state });
  }
  const receipt = await until(
    () => call<ReceiptView>('receipt:get', { saleId }),
    (r) => r.state === 'issued',
  );
  if (receipt.state === 'issued') {
    ack({ kind: 'receipt', saleId });
  }
}

await kassa.recovered;
await moveOn();
print('READY');
for (let round = 0; ; round += 1) {
  await oneSale(round);
}
