import { z } from 'zod';

/** The port the browser host listens on when none is given (`kassa serve --port N` overrides it). */
export const DEFAULT_BROWSER_HOST_PORT = 4780;

/**
 * The loopback browser host (electron/hosts/browser.ts). Its port stays the same from one start to the next,
 * so a customer display left open on a URL reconnects by itself after a restart.
 */
export const BrowserHostSettingsSchema = z
  .strictObject({
    port: z.number().int().min(1024).max(65535).default(DEFAULT_BROWSER_HOST_PORT),
  })
  .prefault({});
export type BrowserHostSettings = z.infer<typeof BrowserHostSettingsSchema>;
