/**
 * The `usb` hot-plug source loads in the background and may never arrive. The device manager subscribes to this
 * stand-in at once; the real source is attached when it is ready, and until then plug changes are found by
 * devices:rescan and the reconnect back-off.
 */
import { errorText } from '../kernel/error-text';
import type { Logger } from '../log/logger';
import { createUsbHotplugSource, type HotplugEvent, type HotplugSource } from './hotplug';

/** How the device service gets plug/unplug events: a source, a factory to await, or `false` for none. */
export type HotplugOption = HotplugSource | (() => Promise<HotplugSource>) | false;

export class DeferredHotplug implements HotplugSource {
  readonly #listeners: { event: 'attach' | 'detach'; listener: (event: HotplugEvent) => void }[] = [];
  #real: HotplugSource | undefined;
  #closed = false;

  get attached(): boolean {
    return this.#real !== undefined;
  }

  /** Hands the subscriptions made so far to `real`; false (and `real` closed) when this was closed meanwhile. */
  attach(real: HotplugSource): boolean {
    if (this.#closed) {
      void real.close();
      return false;
    }
    this.#real = real;
    for (const { event, listener } of this.#listeners) {
      real.on(event, listener);
    }
    return true;
  }

  on(event: 'attach' | 'detach', listener: (event: HotplugEvent) => void): void {
    this.#listeners.push({ event, listener });
    this.#real?.on(event, listener);
  }

  async close(): Promise<void> {
    this.#closed = true;
    this.#listeners.length = 0;
    await this.#real?.close();
    this.#real = undefined;
  }
}

/**
 * Gets the configured source (default: the `usb` package) and attaches it; `onAttached` runs right after a
 * successful attach. A source that cannot load is logged, never thrown: hot-plug is then simply off.
 */
export async function connectHotplug(
  target: DeferredHotplug,
  option: HotplugOption | undefined,
  log: Logger,
  onAttached: () => void,
): Promise<void> {
  if (option === false) {
    return;
  }
  const source = option ?? (() => createUsbHotplugSource());
  try {
    const real = typeof source === 'function' ? await source() : source;
    if (target.attach(real)) {
      onAttached();
    }
  } catch (error) {
    log.warn({ err: errorText(error) }, 'USB hot-plug unavailable; scanners are found by rescan only');
  }
}
