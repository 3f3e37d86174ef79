/**
 * The Electron security checklist applied to every web contents (DESIGN.md, Security;
 * https://www.electronjs.org/docs/latest/tutorial/security): a strict CSP on built pages, no
 * navigation away from the app, no new windows, no webviews, no permissions beyond clipboard writes,
 * and external links only to an allow-list, opened in the user's browser.
 */
import type { App, Session, Shell } from 'electron';

/** Hosts the app may open in the user's browser (help links on the settings pages); https only. */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set([
  'developers.facebook.com',
  'business.facebook.com',
  'github.com',
]);

/** The Content-Security-Policy of the built renderer (the email preview iframe is `about:srcdoc`). */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: https:",
  "connect-src 'self'",
  "frame-src 'self' about:",
  "object-src 'none'",
  "base-uri 'none'",
].join('; ');

/** True for `https://` URLs on an EXTERNAL_HOSTS host (exact host, any path; no credentials or port). */
export function isAllowedExternal(url: string): boolean {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.port === '' && u.username === '' && EXTERNAL_HOSTS.has(u.hostname);
}

/**
 * Installs the policies on `session` and on every web contents `app` creates from now on. `withCsp`
 * is false for the electron-vite dev server, whose hot reload needs inline scripts and a WebSocket.
 */
export function lockDown(app: App, session: Session, shell: Shell, withCsp: boolean): void {
  const openIfAllowed = (url: string) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
  };
  if (withCsp) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
  }
  session.setPermissionRequestHandler((_wc, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  app.on('web-contents-created', (_e, contents) => {
    contents.setWindowOpenHandler(({ url }) => {
      openIfAllowed(url);
      return { action: 'deny' };
    });
    contents.on('will-navigate', (event) => {
      if (event.url === contents.getURL()) return;
      event.preventDefault();
      openIfAllowed(event.url);
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
