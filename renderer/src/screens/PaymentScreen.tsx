import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SaleView } from '../../../shared/channels/sale';
import { useKeys } from '../cashier/keys';
import { amountToTake, defaultAmountText, parseAmount, usePaymentStore } from '../stores/payment';
import { useSaleStore } from '../stores/sale';
import { useSettingsStore } from '../stores/settings';
import { BuyerPanel } from './BuyerPanel';
import { CardAttachEntry } from './CardAttachDialog';
import { fmt } from './format';
import { PaidBanner } from './PaidBanner';
import { PaymentLine } from './PaymentLine';
import { SandboxPhonePanel } from './SandboxPhonePanel';

/** Re-render every second while something counts down. */
function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) {
      return undefined;
    }
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [active]);
  return now;
}

export function PaymentScreen({ view, active }: { view: SaleView; active: boolean }) {
  const { t } = useTranslation();
  const methods = usePaymentStore((s) => s.methods);
  const method = usePaymentStore((s) => s.method);
  const amountText = usePaymentStore((s) => s.amountText);
  const tenderedText = usePaymentStore((s) => s.tenderedText);
  const phone = usePaymentStore((s) => s.phone);
  const busy = usePaymentStore((s) => s.busy);
  const inputError = usePaymentStore((s) => s.inputError);
  const lastError = usePaymentStore((s) => s.lastError);
  const profile = useSettingsStore((s) => s.saved?.profile);
  const country = useSettingsStore((s) => s.saved?.country ?? 'MN');
  const receiptsNeeded = useSaleStore((s) => s.receiptsNeeded);
  const pay = usePaymentStore.getState;
  const currency = view.sale.currency;
  const paid = view.sale.status === 'paid';
  const payments = view.payments;
  const waiting = payments.filter((p) => p.state === 'awaiting_customer');
  const anyLive = payments.some((p) =>
    ['created', 'requesting', 'awaiting_customer', 'unknown'].includes(p.state),
  );
  const now = useNow(anyLive);
  const info = methods.find((m) => m.method === method);
  const amount = amountToTake(view, amountText);
  const tendered = tenderedText.trim() === '' ? null : parseAmount(tenderedText, currency);
  const amountRef = useRef<HTMLInputElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void pay().loadMethods();
  }, [pay, country]);

  useEffect(() => {
    if (active && paid) {
      newSaleRef.current?.focus();
    } else if (active && view.available > 0) {
      amountRef.current?.focus();
    }
  }, [active, paid, view.available, method]);

  const canBack = !payments.some(
    (p) =>
      p.state !== 'declined' && p.state !== 'cancelled' && p.state !== 'expired' && p.state !== 'abandoned',
  );
  useKeys(
    {
      Escape: () => {
        if (canBack) {
          useSaleStore.getState().goTo('sale');
        }
      },
    },
    active,
  );

  const start = (): void => {
    void pay().start(view);
  };

  return (
    <section
      className="payment"
      data-testid="payment-screen"
      data-sale-id={view.sale.id}
      data-status={view.sale.status}
    >
      <div className="payment-summary">
        <div>
          <span className="muted">{t('payment.total')}</span>
          <strong className="num big" data-testid="payment-total">
            {fmt(view.sale.totals.total, currency)}
          </strong>
        </div>
        <div>
          <span className="muted">{t('payment.paid')}</span>
          <strong className="num" data-testid="payment-paid">
            {fmt(view.paid, currency)}
          </strong>
        </div>
        <div>
          <span className="muted">{t('payment.due')}</span>
          <strong className="num big" data-testid="payment-due">
            {fmt(view.due, currency)}
          </strong>
        </div>
      </div>

      {paid && (
        <>
          <PaidBanner view={view} />
          {!receiptsNeeded && (
            <button
              ref={newSaleRef}
              type="button"
              className="button button-primary big-button"
              data-testid="new-sale"
              onClick={() => void useSaleStore.getState().newSale()}
            >
              {t('payment.newSale')} <kbd>Enter</kbd>
            </button>
          )}
        </>
      )}

      {!paid && view.available > 0 && (
        <form
          className="payment-form"
          onSubmit={(event) => {
            event.preventDefault();
            start();
          }}
        >
          <div className="methods" role="radiogroup" aria-label={t('payment.methods')}>
            {methods.map((m) => (
              <button
                key={m.method}
                type="button"
                role="radio"
                aria-checked={m.method === method}
                className={m.method === method ? 'method selected' : 'method'}
                disabled={!m.available}
                title={m.reason}
                data-testid={`method-${m.method}`}
                onClick={() => {
                  pay().choose(m.method);
                }}
              >
                <span className="method-name">{t(`payment.methodNames.${m.method}`)}</span>
                {!m.available && (
                  <span className="method-reason" data-testid={`method-reason-${m.method}`}>
                    {t('payment.unavailable')}: {m.reason}
                  </span>
                )}
              </button>
            ))}
          </div>
          <label className="field">
            <span>{t('payment.amount', { currency })}</span>
            <input
              ref={amountRef}
              type="text"
              inputMode="decimal"
              className="input-number big-input"
              value={amountText ?? defaultAmountText(view)}
              data-testid="payment-amount"
              aria-invalid={inputError === 'amount'}
              onFocus={(event) => {
                event.target.select();
              }}
              onChange={(event) => {
                pay().setAmountText(event.target.value);
              }}
            />
          </label>
          {amount !== null && amount < view.available && (
            <p className="hint" data-testid="payment-split-hint">
              {t('payment.splitHint', { rest: fmt(view.available - amount, currency) })}
            </p>
          )}
          {inputError === 'amount' && <p className="inline-error">{t('payment.errors.amount')}</p>}
          {method === 'cash' && (
            <>
              <label className="field">
                <span>{t('payment.tendered', { currency })}</span>
                <input
                  type="text"
                  inputMode="decimal"
                  className="input-number big-input"
                  value={tenderedText}
                  data-testid="payment-tendered"
                  aria-invalid={inputError === 'tendered'}
                  onChange={(event) => {
                    pay().setTenderedText(event.target.value);
                  }}
                />
              </label>
              {tendered !== null && amount !== null && (
                <p className="change-preview" data-testid="payment-change-preview">
                  {tendered >= amount
                    ? `${t('payment.changeDue')}: ${fmt(tendered - amount, currency)}`
                    : t('payment.errors.tenderedShort')}
                </p>
              )}
              {inputError === 'tendered' && <p className="inline-error">{t('payment.errors.tendered')}</p>}
            </>
          )}
          {info?.needsPhone && (
            <label className="field">
              <span>{t('payment.phone')}</span>
              <input
                type="tel"
                inputMode="numeric"
                className="input-number"
                value={phone}
                // Mongolian mobiles are 8 digits; an Uzbek number is 9 (or 12 with 998).
                maxLength={info.method === 'socialpay.phone' ? 8 : 12}
                placeholder={info.method === 'socialpay.phone' ? '99112233' : '901234567'}
                data-testid="payment-phone"
                aria-invalid={inputError === 'phone'}
                onChange={(event) => {
                  pay().setPhone(event.target.value.replace(/\D/g, ''));
                }}
              />
            </label>
          )}
          {inputError === 'phone' && (
            <p className="inline-error" data-testid="payment-phone-error">
              {t('payment.errors.phone')}
            </p>
          )}
          <div className="dialog-actions">
            <button
              type="submit"
              className="button button-primary big-button"
              disabled={busy || method === null}
              data-testid="payment-start"
            >
              {t('payment.take', { amount: amount === null ? '—' : fmt(amount, currency) })} <kbd>Enter</kbd>
            </button>
            {canBack && (
              <button
                type="button"
                className="button"
                data-testid="payment-back"
                onClick={() => {
                  useSaleStore.getState().goTo('sale');
                }}
              >
                {t('payment.back')} <kbd>Esc</kbd>
              </button>
            )}
          </div>
        </form>
      )}
      {!paid && view.available <= 0 && view.pending > 0 && (
        <p className="banner banner-info" data-testid="payment-waiting-note">
          {t('payment.waitingNote')}
        </p>
      )}

      {lastError && (
        <p className="inline-error" role="alert" data-testid="payment-error" data-code={lastError.code}>
          {lastError.message}
        </p>
      )}

      <ol className="payment-lines" data-testid="payment-lines">
        {payments.map((p) => (
          <PaymentLine key={p.id} payment={p} now={now} currency={currency} />
        ))}
      </ol>

      {profile === 'sandbox' && waiting[0] && <SandboxPhonePanel payment={waiting[0]} />}
      {country === 'UZ' && <CardAttachEntry />}
      {receiptsNeeded && !paid && <BuyerPanel saleId={view.sale.id} />}
    </section>
  );
}
