/**
 * What the pole display says in each of its states, as two 20-column lines. The pole has its own small
 * view-model; mirror.ts reduces the customer display's view-model (shared/channels/display.ts) to it. Amounts
 * arrive already formatted (money.ts formatting).
 */
import type { DisplayLocale } from '../../../shared/settings';
import { encodePoleFrame, encodePoleInit, type PoleCommandSet, type PoleFrameOptions } from './commands';
import type { PoleLine } from './text';
import type { PoleTransport } from './transports';

export interface PoleViewModel {
  state: 'welcome' | 'total' | 'pay' | 'paid' | 'thank-you';
  locale: DisplayLocale;
  storeName?: string;
  /** Formatted sale total, e.g. "12 500 ₮". */
  totalText?: string;
  /** Last scanned item, shown on the total screen. */
  itemName?: string;
  itemPriceText?: string;
  /** The payment method the customer is paying with (QPay, SocialPay, Bank of Georgia…). */
  providerName?: string;
  changeText?: string;
}

export type PoleLines = readonly [PoleLine, PoleLine];

interface Labels {
  welcome: string;
  total: string;
  pay: string;
  paid: string;
  change: string;
  thanks: string;
}

const LABELS: Readonly<Record<DisplayLocale, Labels>> = {
  mn: {
    welcome: 'Тавтай морил',
    total: 'Нийт',
    pay: 'Төлөх',
    paid: 'Төлөгдлөө',
    change: 'Хариулт',
    thanks: 'Баярлалаа!',
  },
  en: {
    welcome: 'Welcome',
    total: 'Total',
    pay: 'Pay',
    paid: 'Paid',
    change: 'Change',
    thanks: 'Thank you!',
  },
  ka: {
    welcome: 'მოგესალმებით',
    total: 'ჯამი',
    pay: 'გადაიხადეთ',
    paid: 'გადახდილია',
    change: 'ხურდა',
    thanks: 'გმადლობთ!',
  },
  uz: {
    welcome: 'Xush kelibsiz',
    total: 'Jami',
    pay: "To'lov",
    paid: "To'landi",
    change: 'Qaytim',
    thanks: 'Rahmat!',
  },
  ru: {
    welcome: 'Добро пожаловать',
    total: 'Итого',
    pay: 'К оплате',
    paid: 'Оплачено',
    change: 'Сдача',
    thanks: 'Спасибо!',
  },
};

export function renderPoleLines(vm: PoleViewModel): PoleLines {
  const l = LABELS[vm.locale];
  const total = vm.totalText ?? '';
  switch (vm.state) {
    case 'welcome':
      return [{ center: l.welcome }, { center: vm.storeName ?? '' }];
    case 'total':
      return vm.itemName !== undefined
        ? [
            { left: vm.itemName, right: vm.itemPriceText ?? '' },
            { left: l.total, right: total },
          ]
        : [{ left: l.total, right: total }, {}];
    case 'pay':
      return [{ left: l.pay, right: total }, { center: vm.providerName ?? '' }];
    case 'paid':
      return vm.changeText !== undefined
        ? [
            { left: l.paid, right: total },
            { left: l.change, right: vm.changeText },
          ]
        : [{ left: l.paid, right: total }, { center: vm.providerName ?? '' }];
    case 'thank-you':
      return [{ center: l.thanks }, { center: vm.storeName ?? '' }];
  }
}

export interface PoleDisplayOptions extends PoleFrameOptions {
  commands: PoleCommandSet;
  transport: PoleTransport;
  brightness?: 1 | 2 | 3 | 4;
}

/**
 * Drives one pole display: init once (again after a failed write), then one frame per view-model change.
 * Identical frames are not re-sent. Errors propagate so the caller can show the device status.
 */
export class PoleDisplay {
  readonly #options: PoleDisplayOptions;
  #initialised = false;
  #last: string | undefined;

  constructor(options: PoleDisplayOptions) {
    this.#options = options;
  }

  async show(vm: PoleViewModel): Promise<void> {
    const frame = encodePoleFrame(this.#options.commands, renderPoleLines(vm), this.#options);
    const key = frame.join(',');
    if (this.#initialised && key === this.#last) {
      return;
    }
    try {
      if (!this.#initialised) {
        const init = encodePoleInit(this.#options.commands, this.#options.brightness);
        if (init.length > 0) {
          await this.#options.transport.write(init);
        }
        this.#initialised = true;
      }
      await this.#options.transport.write(frame);
      this.#last = key;
    } catch (error) {
      this.#initialised = false;
      this.#last = undefined;
      throw error;
    }
  }

  close(): Promise<void> {
    return this.#options.transport.close();
  }
}
