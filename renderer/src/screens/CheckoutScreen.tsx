import { useSaleStore } from '../stores/sale';
import { PaymentScreen } from './PaymentScreen';
import { ReceiptScreen } from './ReceiptScreen';
import { SaleScreen } from './SaleScreen';

/**
 * The sale tab: the checkout step the sale is on. Only this subtree follows the sale view, so a scan re-renders
 * the checkout and not the whole page (the bench's wedge-scan figure, docs/architecture.md §10).
 */
export function CheckoutScreen() {
  const step = useSaleStore((s) => s.step);
  const view = useSaleStore((s) => (s.step === 'sale' ? null : s.view));
  if (step === 'payment' && view) {
    return <PaymentScreen view={view} active />;
  }
  if (step === 'receipt' && view) {
    return <ReceiptScreen view={view} active />;
  }
  return <SaleScreen active />;
}
