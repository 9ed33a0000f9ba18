import { useSaleStore } from '../stores/sale';
import { PaymentScreen } from './PaymentScreen';
import { PrinterBanner } from './PrinterBanner';
import { ReceiptScreen } from './ReceiptScreen';
import { SaleScreen } from './SaleScreen';

/**
 * The sale tab: the checkout step the sale is on. Only this subtree follows the sale view, so a scan re-renders
 * the checkout and not the whole page (the bench's wedge-scan figure, docs/architecture.md §10).
 */
export function CheckoutScreen() {
  const step = useSaleStore((s) => s.step);
  const view = useSaleStore((s) => (s.step === 'sale' ? null : s.view));
  // The printer banner sits above every step: "paper out" shows while the cart is still being rung up.
  return (
    <>
      <PrinterBanner />
      {step === 'payment' && view ? (
        <PaymentScreen view={view} active />
      ) : step === 'receipt' && view ? (
        <ReceiptScreen view={view} active />
      ) : (
        <SaleScreen active />
      )}
    </>
  );
}
