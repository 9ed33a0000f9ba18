/**
 * The Content-Security-Policy the app:// protocol sends with every page. Kept beside the protocol handler and
 * free of electron imports so a unit test can read it.
 *
 * No 'unsafe-inline' anywhere: the built renderer has no inline scripts or <style> blocks, and React's `style`
 * prop writes through the CSSOM, which CSP does not govern. connect-src stays 'self' because the Electron pages
 * talk to main over IPC, never over the network.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
