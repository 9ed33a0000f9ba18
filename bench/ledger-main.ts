/** `npx tsx bench/ledger-main.ts [tillSales] [totalSales]`: only the ledger's figures (bench/ledger-figures.ts). */
import { report } from './figures';
import { ledgerFigures } from './ledger-figures';

const [tillSales, totalSales] = process.argv.slice(2).map(Number);
report(
  await ledgerFigures({
    ...(tillSales ? { tillSales } : {}),
    ...(totalSales ? { totalSales } : {}),
  }),
  (text) => process.stdout.write(text),
);
