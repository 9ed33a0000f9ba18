import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Payment } from '../../../shared/domain';
import { useJournalStore, refundable, refundSupport, resolvable } from '../stores/journal';
import { useIsManager, useSessionStore } from '../stores/session';
import { usePrinterConfigured, useStoreTimeZone } from '../stores/settings';
import { errorText } from './error-text';
import { fmt, timeText } from './format';
import { RefundDialog } from './JournalRefundDialog';
import { ManagerSignInDialog } from './ManagerSignIn';
import { PrinterBanner } from './PrinterBanner';
import { PrintReceiptButton, PrintReportButton } from './PrintButtons';
import { ResolveDialog } from './ResolveDialog';

/**
 * A day's sales (today unless another day is picked; a page at a time, "show more" for older ones), one
 * sale's payments, and refunds of paid payments (with a confirm showing the amount).
 * Refunds and resolutions of payments the bank has not settled are a manager's: a cashier pressing Refund or
 * Resolve is asked for a manager sign-in first.
 */
export function JournalScreen() {
  const { t } = useTranslation();
  const sales = useJournalStore((s) => s.sales);
  const day = useJournalStore((s) => s.day);
  const hasMore = useJournalStore((s) => s.hasMore);
  const loading = useJournalStore((s) => s.loading);
  // "Today" for the date picker: the day the screen was opened.
  const [openedAt] = useState(() => Date.now());
  const selected = useJournalStore((s) => s.selected);
  const methods = useJournalStore((s) => s.methods);
  const lastError = useJournalStore((s) => s.lastError);
  const store = useJournalStore.getState;
  const [refunding, setRefunding] = useState<Payment | null>(null);
  const [resolving, setResolving] = useState<Payment | null>(null);
  const [signInFor, setSignInFor] = useState<{ payment: Payment; action: 'refund' | 'resolve' } | null>(null);
  const isManager = useIsManager();
  const timeZone = useStoreTimeZone();
  const printer = usePrinterConfigured();

  useEffect(() => {
    void store().load();
  }, [store]);

  return (
    <section className="journal" data-testid="journal-screen">
      <div className="journal-list">
        <PrinterBanner />
        <div className="row-between">
          <h2 className="section-title">{day === null ? t('journal.title') : t('journal.titleDay')}</h2>
          <span>
            <label>
              {t('journal.day')}{' '}
              <input
                type="date"
                data-testid="journal-day"
                value={dateValue(day ?? openedAt)}
                onChange={(event) => {
                  const picked = dayOf(event.target.value);
                  if (picked !== null) {
                    void store().showDay(picked);
                  }
                }}
              />
            </label>
            {day !== null && (
              <button
                type="button"
                className="button button-small"
                data-testid="journal-today"
                onClick={() => void store().showDay(null)}
              >
                {t('journal.today')}
              </button>
            )}
            {/* Today's X report (printer:print-report has no day): offered only while today is shown. */}
            {printer && day === null && <PrintReportButton testId="journal-print-report" />}
          </span>
        </div>
        {lastError && (
          <p className="inline-error" role="alert" data-testid="journal-error" data-code={lastError.code}>
            {errorText(t, lastError)}
          </p>
        )}
        <table className="cart-table">
          <thead>
            <tr>
              <th>{t('journal.number')}</th>
              <th>{t('journal.time')}</th>
              <th className="num">{t('journal.total')}</th>
              <th>{t('journal.payments')}</th>
              <th>{t('journal.receipt')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((s) => (
              <tr
                key={s.id}
                className={selected?.sale.id === s.id ? 'cart-line selected' : 'cart-line'}
                data-testid="journal-row"
                data-sale-id={s.id}
                data-status={s.status}
                tabIndex={0}
                onClick={() => void store().open(s.id)}
                onKeyDown={(event) => {
                  if (event.key === 'Enter') {
                    void store().open(s.id);
                  }
                }}
              >
                <td>
                  #{s.number}{' '}
                  <span className="muted" data-testid="journal-status" data-refund={s.refund}>
                    {s.refund === 'none'
                      ? t(`journal.status.${s.status}`)
                      : t(`journal.saleRefund.${s.refund}`)}
                  </span>
                </td>
                <td className="num">{timeText(s.createdAt, timeZone)}</td>
                <td className="num strong">{fmt(s.total, s.currency)}</td>
                <td>
                  {s.payments.map((p, i) => (
                    <span key={i} className={`pill pill-${p.state}`}>
                      {t(`payment.methodNames.${p.method}`)} · {t(`payment.states.${stateKey(p.state)}`)}
                    </span>
                  ))}
                </td>
                <td data-testid="journal-receipt">
                  {s.receipt ? t(`journal.receiptStatus.${s.receipt.status}`) : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {sales.length === 0 && (
          <p className="cart-empty">{day === null ? t('journal.empty') : t('journal.emptyDay')}</p>
        )}
        {hasMore && (
          <button
            type="button"
            className="button button-small"
            data-testid="journal-more"
            disabled={loading}
            onClick={() => void store().loadMore()}
          >
            {t('journal.more')}
          </button>
        )}
      </div>
      {selected && (
        <aside className="journal-detail" data-testid="journal-detail" data-sale-id={selected.sale.id}>
          <h3>
            {t('sale.titleNumber', { number: selected.sale.number })} ·{' '}
            {fmt(selected.sale.totals.total, selected.sale.currency)}
          </h3>
          <ul className="plain">
            {selected.sale.lines.map((l, i) => (
              <li key={l.id} className="row-between">
                <span>{l.name}</span>
                <span className="num">
                  {fmt(selected.sale.totals.lines[i]?.total ?? 0, selected.sale.currency)}
                </span>
              </li>
            ))}
          </ul>
          <ol className="payment-lines">
            {selected.payments.map((p) => {
              const left = refundable(p);
              const support = refundSupport(p, methods);
              return (
                <li
                  key={p.id}
                  className="payment-line"
                  data-testid="journal-payment"
                  data-payment-id={p.id}
                  data-state={p.state}
                >
                  <div className="payment-line-main">
                    <span>{t(`payment.methodNames.${p.method}`)}</span>
                    <span className="num strong">{fmt(p.amount.amount, p.amount.currency)}</span>
                    <span className={`pill pill-${p.state}`} data-testid="journal-payment-state">
                      {t(`payment.states.${stateKey(p.state)}`)}
                    </span>
                    {p.refundedAmount > 0 && (
                      <span className="muted" data-testid="journal-refunded">
                        {t('journal.refunded')}: {fmt(p.refundedAmount, p.amount.currency)}
                      </span>
                    )}
                  </div>
                  {p.resolution !== undefined ? (
                    <p className="muted" data-testid="journal-resolution">
                      {p.resolution.outcome === 'paid'
                        ? t('journal.resolvedPaid', {
                            by: p.resolution.by,
                            code: p.resolution.approvalCode ?? '—',
                            reason: p.resolution.reason,
                          })
                        : t('journal.resolvedFailed', {
                            by: p.resolution.by,
                            reason: p.resolution.reason,
                          })}{' '}
                      · {timeText(p.resolution.at, timeZone)}
                    </p>
                  ) : (
                    p.reason !== undefined && <p className="muted">{p.reason}</p>
                  )}
                  {resolvable(p) && (
                    <button
                      type="button"
                      className="button button-small"
                      data-testid="journal-resolve"
                      onClick={() => {
                        if (isManager) {
                          setResolving(p);
                        } else {
                          useSessionStore.getState().clearError();
                          setSignInFor({ payment: p, action: 'resolve' });
                        }
                      }}
                    >
                      {t('journal.resolve')}
                    </button>
                  )}
                  {left > 0 && support.refund && (
                    <button
                      type="button"
                      className="button button-small button-danger"
                      data-testid="journal-refund"
                      onClick={() => {
                        if (isManager) {
                          setRefunding(p);
                        } else {
                          useSessionStore.getState().clearError();
                          setSignInFor({ payment: p, action: 'refund' });
                        }
                      }}
                    >
                      {t('journal.refund')}
                    </button>
                  )}
                  {left > 0 && !support.refund && <span className="muted">{t('journal.noRefund')}</span>}
                </li>
              );
            })}
          </ol>
          {printer && selected.sale.status === 'paid' && (
            <PrintReceiptButton saleId={selected.sale.id} testId="journal-print-receipt" />
          )}
          <button
            type="button"
            className="button button-small"
            data-testid="journal-close"
            onClick={() => {
              store().close();
            }}
          >
            {t('common.close')}
          </button>
        </aside>
      )}
      {signInFor && (
        <ManagerSignInDialog
          reason={
            signInFor.action === 'refund' ? t('session.refundNeedsManager') : t('session.resolveNeedsManager')
          }
          onClose={() => {
            setSignInFor(null);
          }}
          onSignedIn={() => {
            if (signInFor.action === 'refund') {
              setRefunding(signInFor.payment);
            } else {
              setResolving(signInFor.payment);
            }
            setSignInFor(null);
          }}
        />
      )}
      {resolving && (
        <ResolveDialog
          payment={resolving}
          onClose={() => {
            setResolving(null);
          }}
        />
      )}
      {refunding && (
        <RefundDialog
          payment={refunding}
          partial={refundSupport(refunding, methods).partial}
          onClose={() => {
            setRefunding(null);
          }}
        />
      )}
    </section>
  );
}

/** The date input's value (YYYY-MM-DD) of the local day holding `at`. */
function dateValue(at: number): string {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

/** Local noon of a picked YYYY-MM-DD (noon: the till names the day it falls in, whatever its midnight). */
function dayOf(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  return new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 12).getTime();
}

function stateKey(state: Payment['state']): string {
  return state === 'created' || state === 'requesting'
    ? 'requesting'
    : state === 'awaiting_customer'
      ? 'waiting'
      : state;
}
