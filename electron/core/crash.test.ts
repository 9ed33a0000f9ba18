/**
 * THE crash test (issue 10, "Must show"): a child process runs a real till in a loop — sales with lines, cash
 * payments, SocialPay QR payments through the sandbox simulator, eBarimt receipts — and prints every
 * acknowledged command (electron/testing/crash-child.ts). It is SIGKILLed at random points, more than 20 times;
 * after each kill the data dir is opened again (the till recovers as after a power cut) and checked:
 * - every acknowledged command is there (the sale and its number, each line, each payment in at least the
 *   acknowledged state, each issued receipt);
 * - no sale is stuck: a sale still `paying` has a payment still open (recovery asks the bank) or is not fully
 *   paid yet (another payment can be taken);
 * - no payment without its sale's matching state: paid payments covering the total ⇔ the sale is paid;
 * - the day's figures (journal:report) equal the sum over the sales (journal:list), per method too;
 * - every paid sale's receipt, once the restarted till's receipt recovery ran, is issued or in a visible,
 *   resolvable state (`unconfirmed`, with the problem shown) — never left pending — and PosAPI never holds two
 *   receipts for one sale (issue 11, finding 5; docs/architecture.md §9.1).
 * The simulators live in this process, so invoices survive a kill as they would at a real bank.
 *
 * Expected on the code before the ledger's one-transaction commands: a kill between a payment's `paid` and its
 * sale's `paid` (two commits) leaves the sale `paying` with nothing due — reported here as "stuck" and "paid
 * payments cover the total but the sale is paying". The window is short, so a run may pass by luck.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { JournalSaleSummary, SalesReport } from '../../shared/channels/journal';
import type { ReceiptView } from '../../shared/channels/receipt';
import type { SaleView } from '../../shared/channels/sale';
import { needsRecovery, type PaymentMethod } from '../../shared/domain';
import type { Envelope } from '../../shared/errors';
import { openNodeKassa } from '../hosts/node-kassa';
import { tempDataDir } from '../kernel/testing/temp-dir';
import { createCapturingLogger } from '../log/logger';
import { startSandboxSimulators, type RunningSandbox } from '../sandbox/simulators';
import { openNodeSettingsStore } from '../storage/settings';
import { runTs } from '../storage/testing/child';

const KILLS = 22;
const CHILD = 'electron/testing/crash-child.ts';

type Ack =
  | { kind: 'sale'; saleId: string; number: number }
  | { kind: 'line'; saleId: string; lineId: string }
  | { kind: 'payment'; saleId: string; paymentId: string; state: string }
  | { kind: 'receipt'; saleId: string };

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanups.splice(0).reverse()) {
    await fn();
  }
});

/** Opens the data dir as a restarted till would, lets recovery run, and lists what is wrong. */
async function verify(
  dataDir: string,
  sims: RunningSandbox,
  acks: readonly Ack[],
  since: number,
): Promise<string[]> {
  const { logger, redactor } = createCapturingLogger('warn');
  const node = openNodeKassa({
    dataDir,
    host: 'test',
    logger,
    redactor,
    env: { KASSA_VAULT_KEY: '8'.repeat(64) },
    startSandbox: () => Promise.resolve({ ...sims, close: () => Promise.resolve() }),
  });
  const problems: string[] = [];
  try {
    await node.kassa.recovered;
    const call = async <T>(channel: string, input: unknown): Promise<T> => {
      const result: Envelope<unknown> = await node.kassa.invoke('operator', channel, input);
      if (!result.ok) {
        throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
      }
      return result.value as T;
    };
    const views = new Map<string, SaleView | undefined>();
    const view = async (saleId: string): Promise<SaleView | undefined> => {
      if (!views.has(saleId)) {
        views.set(saleId, await call<SaleView>('journal:get', { saleId }).catch(() => undefined));
      }
      return views.get(saleId);
    };
    for (const ack of acks) {
      const sale = await view(ack.saleId);
      if (sale === undefined) {
        problems.push(`acknowledged sale ${ack.saleId} is missing`);
        continue;
      }
      if (ack.kind === 'sale' && sale.sale.number !== ack.number) {
        problems.push(`sale ${ack.saleId} was #${String(ack.number)}, now #${String(sale.sale.number)}`);
      } else if (ack.kind === 'line' && !sale.sale.lines.some((l) => l.id === ack.lineId)) {
        problems.push(`acknowledged line ${ack.lineId} of sale #${String(sale.sale.number)} is missing`);
      } else if (ack.kind === 'payment') {
        const payment = sale.payments.find((p) => p.id === ack.paymentId);
        if (payment === undefined || (ack.state === 'paid' && payment.state !== 'paid')) {
          problems.push(
            `acknowledged payment ${ack.paymentId} (${ack.state}) of sale #${String(sale.sale.number)} is ${payment?.state ?? 'missing'}`,
          );
        }
      } else if (ack.kind === 'receipt' && sale.sale.receipt?.status !== 'issued') {
        problems.push(`the acknowledged receipt of sale #${String(sale.sale.number)} is not issued`);
      }
    }
    const range = { from: since, to: Date.now() + 1 };
    // Every sale of the range, page by page (journal:list answers one page, newest first).
    const list: JournalSaleSummary[] = [];
    for (let cursor: string | undefined; ;) {
      const page = await call<JournalSaleSummary[]>('journal:list', {
        ...range,
        limit: 200,
        ...(cursor === undefined ? {} : { cursor }),
      });
      list.push(...page);
      if (page.length < 200) {
        break;
      }
      cursor = page.at(-1)?.cursor;
    }
    const report = await call<SalesReport>('journal:report', range);
    for (const s of list) {
      const covered = s.total > 0 && s.paid >= s.total;
      if (covered && s.status !== 'paid') {
        problems.push(`sale #${String(s.number)}: paid payments cover the total but the sale is ${s.status}`);
      }
      if (s.status === 'paid' && !covered) {
        problems.push(
          `sale #${String(s.number)} is paid but its payments cover ${String(s.paid)} of ${String(s.total)}`,
        );
      }
      const open = s.payments.some((p) => needsRecovery(p.state));
      if (s.status === 'paying' && !open && covered) {
        problems.push(`sale #${String(s.number)} is stuck: paying, nothing due, no payment open`);
      }
    }
    for (const s of list.filter((x) => x.status === 'paid')) {
      const receipt = await call<ReceiptView>('receipt:get', { saleId: s.id });
      const visible = receipt.state === 'unconfirmed' && receipt.error !== null;
      if (receipt.state !== 'issued' && !visible) {
        problems.push(`sale #${String(s.number)} is paid but its receipt is ${receipt.state} after recovery`);
      }
    }
    const perSale = new Map<string, number>();
    for (const r of sims.ebarimt.posApi.receipts.filter((x) => !x.deleted && x.replacedBy === null)) {
      const sale = r.billIdSuffix.slice(0, 6);
      perSale.set(sale, (perSale.get(sale) ?? 0) + 1);
    }
    for (const [suffix, count] of perSale) {
      if (count > 1) {
        problems.push(`PosAPI holds ${String(count)} receipts for the sale of bill-id suffix ${suffix}`);
      }
    }
    const paidSales = list.filter((s) => s.status === 'paid').length;
    if (report.salesPaid !== paidSales) {
      problems.push(`report: ${String(report.salesPaid)} sales paid, the sales say ${String(paidSales)}`);
    }
    const listed = list.reduce((sum, s) => sum + s.paid, 0);
    if (report.total !== listed) {
      problems.push(`report: total ${String(report.total)}, the sales sum to ${String(listed)}`);
    }
    const byMethod = new Map<PaymentMethod, number>();
    for (const p of list.flatMap((s) => s.payments).filter((p) => p.state === 'paid')) {
      byMethod.set(p.method, (byMethod.get(p.method) ?? 0) + p.amount);
    }
    for (const row of report.methods) {
      if (row.amount !== (byMethod.get(row.method) ?? 0)) {
        problems.push(
          `report: ${row.method} ${String(row.amount)}, the sales say ${String(byMethod.get(row.method) ?? 0)}`,
        );
      }
    }
  } finally {
    await node.kassa.close();
  }
  return problems;
}

describe('crash test', () => {
  it(`SIGKILLed at ${String(KILLS)} random points: acknowledged commands survive, no sale stuck, totals add up`, async () => {
    const since = Date.now();
    const t = tempDataDir('kassa-crash-');
    const sims = await startSandboxSimulators();
    cleanups.push(t.cleanup, () => sims.close());
    const { logger } = createCapturingLogger('warn');
    const providers = sims.overlay(openNodeSettingsStore(t.dir, logger).get().providers);
    const env = { KASSA_CRASH_SANDBOX: JSON.stringify({ providers, secrets: sims.secrets }) };

    const acks: Ack[] = [];
    const problems: string[] = [];
    const delays: number[] = [];
    for (let kill = 1; kill <= KILLS && problems.length === 0; kill += 1) {
      const child = runTs(CHILD, [t.dir], env, (line) => {
        const pay = /^PAY (\S+) (\S+)$/.exec(line);
        if (pay?.[1] !== undefined && pay[2] !== undefined) {
          sims.customerApp(pay[1] as PaymentMethod)?.pay(pay[2]);
        }
      });
      cleanups.push(() => {
        child.process.kill('SIGKILL');
      });
      const up = await child.line(/^(READY|STUCK .*)$/).catch((error: unknown) => `FAILED ${String(error)}`);
      if (up !== 'READY') {
        problems.push(`run ${String(kill)}: the till could not move on: ${up}`);
        break;
      }
      // Random kill points: mostly inside the first sales, sometimes well into the loop.
      const delay = Math.round(50 + Math.random() * (kill % 4 === 0 ? 1500 : 700));
      delays.push(delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
      child.process.kill('SIGKILL');
      const { signal } = await child.exited;
      if (signal !== 'SIGKILL') {
        problems.push(`run ${String(kill)}: the child ended by itself (${child.stderr()})`);
      }
      for (const line of child.lines.filter((l) => l.startsWith('ACK '))) {
        acks.push(JSON.parse(line.slice(4)) as Ack);
      }
      for (const problem of await verify(t.dir, sims, acks, since)) {
        problems.push(`after kill ${String(kill)} (${String(delay)} ms): ${problem}`);
      }
    }
    expect(problems).toEqual([]);
    expect(delays.length).toBeGreaterThanOrEqual(20);
    // The loop really exercised payments and receipts across the kills.
    expect(acks.filter((a) => a.kind === 'payment').length).toBeGreaterThan(20);
    expect(acks.filter((a) => a.kind === 'receipt').length).toBeGreaterThan(5);
  }, 300_000);
});
