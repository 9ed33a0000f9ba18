/** Test double for USB plug/unplug notifications. */
import type { HotplugEvent, HotplugSource } from '../hotplug';

type Listener = (event: HotplugEvent) => void;

/** A hot-plug source a test fires by hand. */
export class FakeHotplugSource implements HotplugSource {
  readonly #listeners = { attach: new Set<Listener>(), detach: new Set<Listener>() };
  closed = false;

  on(event: 'attach' | 'detach', listener: Listener): void {
    this.#listeners[event].add(listener);
  }

  emit(event: 'attach' | 'detach', ids: Partial<HotplugEvent> = {}): void {
    const payload: HotplugEvent = { vendorId: ids.vendorId, productId: ids.productId };
    for (const listener of this.#listeners[event]) {
      listener(payload);
    }
  }

  close(): Promise<void> {
    this.closed = true;
    this.#listeners.attach.clear();
    this.#listeners.detach.clear();
    return Promise.resolve();
  }
}
