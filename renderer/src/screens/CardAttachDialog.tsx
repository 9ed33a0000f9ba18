import { useEffect, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCardAttachStore, type CardAttachInput } from '../stores/card-attach';
import { useSettingsStore } from '../stores/settings';
import { Dialog } from './Dialog';
import { errorText } from './error-text';

const PAN = /^\d{16}$/;
const EXPIRY = /^\d{2}(0[1-9]|1[0-2])$/;
const PHONE = /^998\d{9}$/;

function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** Uzcard numbers start 8600, Humo 9860: the type follows the number until the cashier picks one. */
function processingFor(pan: string): CardAttachInput['processingType'] {
  return pan.startsWith('9860') ? 'HUMO' : 'UZCARD';
}

/** Seconds until `at` (epoch ms), re-rendered every second while positive. */
function useSecondsUntil(at: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (at === undefined || at <= Date.now()) {
      return undefined;
    }
    const timer = setInterval(() => {
      setNow(Date.now());
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [at]);
  return at === undefined ? 0 : Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * Ipoteka-bank card attach (Uzbekistan): the customer's card → the SMS code the bank texts them → attached.
 * The card number stays in this dialog's field (the page's memory) until the dialog closes; main answers
 * with the masked number only.
 */
export function CardAttachDialog() {
  const { t } = useTranslation();
  const { view, busy, lastError, sandboxSms } = useCardAttachStore();
  const sandbox = useSettingsStore((s) => s.saved?.profile === 'sandbox');
  const store = useCardAttachStore.getState;
  const [pan, setPan] = useState('');
  const [expiry, setExpiry] = useState('');
  const [picked, setPicked] = useState<CardAttachInput['processingType'] | null>(null);
  const [phone, setPhone] = useState('998');
  const [code, setCode] = useState('');
  const [invalid, setInvalid] = useState(false);
  const resendIn = useSecondsUntil(view?.resendAvailableAt);

  const input = (): CardAttachInput | null => {
    const card = { pan: digits(pan), expiry: expiry.trim(), phone: digits(phone) };
    if (!PAN.test(card.pan) || !EXPIRY.test(card.expiry) || !PHONE.test(card.phone)) {
      setInvalid(true);
      return null;
    }
    setInvalid(false);
    return { ...card, processingType: picked ?? processingFor(card.pan) };
  };
  const send = (event?: SyntheticEvent): void => {
    event?.preventDefault();
    const card = input();
    if (card !== null) {
      void store().start(card);
    }
  };
  const confirm = (event: SyntheticEvent): void => {
    event.preventDefault();
    void store()
      .confirm(code.trim())
      .then((ok) => {
        if (ok) {
          // Attached: nothing of the card is needed any more.
          setPan('');
          setExpiry('');
          setCode('');
        }
      });
  };
  const close = (): void => {
    store().close();
  };

  return (
    <Dialog title={t('card.title')} testId="card-attach-dialog" onClose={close}>
      {view === null && (
        <form onSubmit={send} data-testid="card-attach-card">
          <p className="muted">{t('card.hint')}</p>
          <label className="field">
            <span>{t('card.pan')}</span>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="input-number"
              maxLength={23}
              value={pan}
              data-testid="card-attach-pan"
              onChange={(event) => {
                setPan(event.target.value);
              }}
            />
          </label>
          <label className="field">
            <span>{t('card.expiry')}</span>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="off"
              className="input-number"
              maxLength={4}
              placeholder="2812"
              value={expiry}
              data-testid="card-attach-expiry"
              onChange={(event) => {
                setExpiry(digits(event.target.value));
              }}
            />
          </label>
          <label className="field">
            <span>{t('card.processing')}</span>
            <select
              value={picked ?? processingFor(digits(pan))}
              data-testid="card-attach-processing"
              onChange={(event) => {
                setPicked(event.target.value === 'HUMO' ? 'HUMO' : 'UZCARD');
              }}
            >
              <option value="UZCARD">Uzcard</option>
              <option value="HUMO">Humo</option>
            </select>
          </label>
          <label className="field">
            <span>{t('card.phone')}</span>
            <input
              type="tel"
              inputMode="numeric"
              className="input-number"
              maxLength={16}
              value={phone}
              data-testid="card-attach-phone"
              onChange={(event) => {
                setPhone(event.target.value);
              }}
            />
          </label>
          {invalid && <p className="inline-error">{t('card.invalid')}</p>}
          <div className="dialog-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy}
              data-testid="card-attach-send"
            >
              {t('card.send')}
            </button>
            <button type="button" className="button" onClick={close}>
              {t('card.close')}
            </button>
          </div>
        </form>
      )}
      {view?.state === 'awaiting-code' && (
        <form onSubmit={confirm} data-testid="card-attach-code-step">
          <p data-testid="card-attach-sent">
            {t('card.sentTo', { card: view.maskedPan, phone: view.maskedPhone ?? digits(phone) })}
          </p>
          <label className="field">
            <span>{t('card.code')}</span>
            <input
              type="text"
              inputMode="numeric"
              autoComplete="one-time-code"
              className="input-number"
              maxLength={8}
              value={code}
              data-testid="card-attach-code"
              onChange={(event) => {
                setCode(digits(event.target.value));
              }}
            />
          </label>
          <div className="dialog-actions">
            <button
              type="submit"
              className="button button-primary"
              disabled={busy || code.length < 4}
              data-testid="card-attach-confirm"
            >
              {t('card.confirm')}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || resendIn > 0}
              data-testid="card-attach-resend"
              onClick={() => {
                send();
              }}
            >
              {resendIn > 0 ? t('card.resendIn', { seconds: resendIn }) : t('card.resend')}
            </button>
          </div>
          {sandbox && (
            <aside className="sandbox-phone" data-testid="card-attach-sandbox">
              <button
                type="button"
                className="button button-small"
                data-testid="card-attach-sandbox-sms"
                onClick={() => {
                  void store().readSandboxSms();
                }}
              >
                {t('card.sandboxSms')}
              </button>
              {sandboxSms !== null && (
                <p data-testid="card-attach-sandbox-code">{t('card.sandboxCode', { code: sandboxSms })}</p>
              )}
            </aside>
          )}
        </form>
      )}
      {view?.state === 'attached' && (
        <div>
          <p className="banner banner-info" data-testid="card-attach-done">
            {t('card.attached', { card: view.maskedPan })}
          </p>
          <div className="dialog-actions">
            <button type="button" className="button button-primary" onClick={close}>
              {t('card.close')}
            </button>
          </div>
        </div>
      )}
      {lastError && (
        <p className="inline-error" role="alert" data-testid="card-attach-error" data-code={lastError.code}>
          {errorText(t, lastError)}
        </p>
      )}
    </Dialog>
  );
}

/** The payment screen's entry to the dialog (Uzbekistan only: the service is Ipoteka-bank's). */
export function CardAttachEntry() {
  const { t } = useTranslation();
  const open = useCardAttachStore((s) => s.open);
  return (
    <>
      <button
        type="button"
        className="button"
        data-testid="card-attach-open"
        onClick={() => {
          useCardAttachStore.getState().show();
        }}
      >
        {t('card.open')}
      </button>
      {open && <CardAttachDialog />}
    </>
  );
}
