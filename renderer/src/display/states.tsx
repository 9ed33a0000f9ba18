/**
 * One component per customer-display state. Each renders the view-model's own text fields: every amount
 * arrives formatted from main, and nothing here adds, multiplies or rounds money. The only arithmetic is the
 * countdown's clock time (expiresAt − now), which is time, not money.
 */
import { QRCodeSVG } from 'qrcode.react';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DisplayViewModel } from '../../../shared/channels/display';

export type StateOf<S extends DisplayViewModel['state']> = Extract<DisplayViewModel, { state: S }>;

/**
 * A phone held about 50 cm from the screen needs the code to be at least ~320 px on a typical customer display
 * for version-10+ codes (long bank URLs); 360 px leaves headroom for denser links.
 */
export const QR_SIZE_PX = 360;
/** The ISO 18004 quiet zone is 4 modules; phones fail on QRs drawn edge-to-edge against a dark page. */
export const QR_QUIET_ZONE_MODULES = 4;

/** A scannable QR on white, with a quiet zone, large enough for a phone camera at arm's length. */
export function DisplayQr({ value, testId, label }: { value: string; testId: string; label: string }) {
  return (
    <div className="display-qr" data-testid={testId} data-qr-value-length={value.length}>
      {/*
       * level 'M' (15 % recovery), deliberately: payment links are long URLs (150–300 characters) and a higher
       * level would add modules and shrink each one at this fixed size; a screen does not get torn or stained
       * like a paper label, so M's recovery covers glare and moiré while keeping modules large for the camera.
       */}
      <QRCodeSVG
        value={value}
        size={QR_SIZE_PX}
        level="M"
        marginSize={QR_QUIET_ZONE_MODULES}
        bgColor="#ffffff"
        fgColor="#000000"
        title={label}
      />
    </div>
  );
}

export function Welcome({ view }: { view: StateOf<'welcome'> }) {
  const { t } = useTranslation();
  return (
    <>
      <h1 className="display-welcome" data-testid="display-welcome">
        {t('welcome')}
      </h1>
      <p className="display-store" data-testid="display-store-name">
        {view.storeName}
      </p>
      <p className="display-hint" data-testid="display-hint">
        {t('welcomeHint')}
      </p>
    </>
  );
}

function SummaryRow({
  label,
  value,
  testId,
  strong,
}: {
  label: string;
  value: string;
  testId: string;
  strong?: boolean;
}) {
  return (
    <div className={strong === true ? 'display-sum display-sum-total' : 'display-sum'}>
      <span>{label}</span>
      <span data-testid={testId}>{value}</span>
    </div>
  );
}

export function Cart({ view }: { view: StateOf<'cart'> }) {
  const { t } = useTranslation();
  return (
    <section className="display-cart">
      <header className="display-cart-head">
        <h1 className="display-title">{t('cart.title')}</h1>
        <span className="display-count" data-testid="display-item-count">
          {t('cart.items', { n: view.itemCount })}
        </span>
      </header>
      {view.lines.length === 0 ? (
        <p className="display-hint">{t('cart.empty')}</p>
      ) : (
        <ol className="display-lines">
          {view.lines.map((line, i) => (
            // Lines have no id in the view-model; their order is the sale's order.
            <li key={i} className="display-line" data-testid="display-line">
              <span className="display-line-name">{line.name}</span>
              <span className="display-line-qty">{line.quantityText}</span>
              <span className="display-line-amount">{line.amountText}</span>
              {line.discountText !== undefined && (
                <span className="display-line-discount" data-testid="display-line-discount">
                  {t('cart.discount')} {line.discountText}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
      <footer className="display-sums">
        {view.discountText !== undefined && (
          <SummaryRow label={t('cart.discount')} value={view.discountText} testId="display-discount" />
        )}
        {view.vatText !== undefined && (
          <SummaryRow label={t('cart.vat')} value={view.vatText} testId="display-vat" />
        )}
        {view.cityTaxText !== undefined && (
          <SummaryRow label={t('cart.cityTax')} value={view.cityTaxText} testId="display-city-tax" />
        )}
        <SummaryRow label={t('cart.total')} value={view.totalText} testId="display-total" strong />
        {view.paidText !== undefined && (
          <SummaryRow label={t('cart.paid')} value={view.paidText} testId="display-paid" />
        )}
        {view.dueText !== undefined && (
          <SummaryRow label={t('cart.due')} value={view.dueText} testId="display-due" strong />
        )}
      </footer>
    </section>
  );
}

/** Seconds left until `expiresAt` (epoch ms from the view-model), re-rendered once a second; undefined without one. */
export function useSecondsLeft(
  expiresAt: number | undefined,
  now: () => number = Date.now,
): number | undefined {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (expiresAt === undefined) {
      return undefined;
    }
    const timer = setInterval(() => {
      setTick((n) => n + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [expiresAt]);
  return expiresAt === undefined ? undefined : Math.max(0, Math.ceil((expiresAt - now()) / 1000));
}

/** m:ss, e.g. 4:05. */
export function formatClock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m)}:${String(s).padStart(2, '0')}`;
}

export function Pay({ view, now }: { view: StateOf<'pay'>; now?: () => number }) {
  const { t } = useTranslation();
  const seconds = useSecondsLeft(view.expiresAt, now);
  const phoneInvoice = view.qr === undefined && view.method.endsWith('.phone');
  let instruction: string;
  if (view.qr !== undefined) {
    instruction = t('pay.scan');
  } else if (phoneInvoice || view.deeplink === undefined) {
    instruction = t('pay.phone');
  } else {
    instruction = t('pay.deeplink');
  }
  return (
    <section className={view.qr === undefined ? 'display-pay display-pay-noqr' : 'display-pay'}>
      <div className="display-pay-info">
        <p className="display-provider" data-testid="display-provider">
          {view.providerName}
        </p>
        <p className="display-label">{t('pay.amount')}</p>
        <p className="display-amount" data-testid="display-amount">
          {view.amountText}
        </p>
        {view.amountText !== view.totalText && (
          <p className="display-hint" data-testid="display-total">
            {t('pay.total', { amount: view.totalText })}
          </p>
        )}
        <p
          className="display-instruction"
          data-testid="display-instruction"
          data-variant={phoneInvoice ? 'phone' : view.qr !== undefined ? 'qr' : 'deeplink'}
        >
          {instruction}
        </p>
        {view.checking && (
          <p className="display-hint" data-testid="display-checking">
            {t('pay.checking')}
          </p>
        )}
        {seconds !== undefined && (
          <p className="display-countdown" data-testid="display-countdown" data-seconds={seconds}>
            {seconds > 0 ? t('pay.expiresIn', { time: formatClock(seconds) }) : t('pay.expiredSoon')}
          </p>
        )}
      </div>
      {view.qr !== undefined && <DisplayQr value={view.qr} testId="display-qr" label={instruction} />}
    </section>
  );
}

export function Paid({ view }: { view: StateOf<'paid'> }) {
  const { t } = useTranslation();
  return (
    <section className="display-outcome display-outcome-ok">
      <h1 className="display-title" data-testid="display-title">
        {t('paid.title')}
      </h1>
      <p className="display-label">{t('paid.total')}</p>
      <p className="display-amount" data-testid="display-amount">
        {view.totalText}
      </p>
      {view.changeText !== undefined && (
        <p className="display-change">
          {t('paid.change')}: <span data-testid="display-change">{view.changeText}</span>
        </p>
      )}
    </section>
  );
}

function Failed({
  title,
  hint,
  dueLabel,
  providerName,
  dueText,
}: {
  title: string;
  hint: string;
  dueLabel: string;
  providerName: string;
  dueText: string;
}) {
  return (
    <section className="display-outcome display-outcome-bad">
      <p className="display-provider" data-testid="display-provider">
        {providerName}
      </p>
      <h1 className="display-title" data-testid="display-title">
        {title}
      </h1>
      <p className="display-label">{dueLabel}</p>
      <p className="display-amount" data-testid="display-amount">
        {dueText}
      </p>
      <p className="display-hint">{hint}</p>
    </section>
  );
}

export function Declined({ view }: { view: StateOf<'declined'> }) {
  const { t } = useTranslation();
  return (
    <Failed
      title={t('declined.title')}
      hint={t('declined.hint')}
      dueLabel={t('declined.due')}
      providerName={view.providerName}
      dueText={view.dueText}
    />
  );
}

export function Expired({ view }: { view: StateOf<'expired'> }) {
  const { t } = useTranslation();
  return (
    <Failed
      title={t('expired.title')}
      hint={t('expired.hint')}
      dueLabel={t('expired.due')}
      providerName={view.providerName}
      dueText={view.dueText}
    />
  );
}

export function ThankYou({ view }: { view: StateOf<'thank-you'> }) {
  const { t } = useTranslation();
  return (
    <section className={view.receiptQr === undefined ? 'display-outcome' : 'display-pay'}>
      <div className="display-pay-info">
        <h1 className="display-title" data-testid="display-title">
          {t('thankYou.title')}
        </h1>
        <p className="display-label">{t('thankYou.total')}</p>
        <p className="display-amount" data-testid="display-amount">
          {view.totalText}
        </p>
        {view.receiptQr !== undefined && <p className="display-instruction">{t('thankYou.receipt')}</p>}
      </div>
      {view.receiptQr !== undefined && (
        <DisplayQr value={view.receiptQr} testId="display-receipt-qr" label={t('thankYou.receipt')} />
      )}
    </section>
  );
}

/** One renderer per view-model state: a state added to the contract is a type error here until drawn. */
const STATES: { [S in DisplayViewModel['state']]: (view: StateOf<S>) => ReactNode } = {
  welcome: (view) => <Welcome view={view} />,
  cart: (view) => <Cart view={view} />,
  pay: (view) => <Pay view={view} />,
  paid: (view) => <Paid view={view} />,
  declined: (view) => <Declined view={view} />,
  expired: (view) => <Expired view={view} />,
  'thank-you': (view) => <ThankYou view={view} />,
};

export function renderState(view: DisplayViewModel): ReactNode {
  // The record is keyed by state, so the lookup always matches the view's own variant.
  return (STATES[view.state] as (v: DisplayViewModel) => ReactNode)(view);
}
