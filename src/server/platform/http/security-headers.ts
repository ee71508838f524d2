import helmet from "@fastify/helmet";
import type { FastifyInstance } from "fastify";

type Directives = Record<string, string[]>;

/**
 * The app's Content-Security-Policy: everything the built web app loads comes from this origin, and nothing inline
 * runs. Vite emits only external module scripts and one stylesheet; React sets `style` props through the CSSOM and
 * ECharts' SVG renderer sets its styles through `element.style` too, which a policy without 'unsafe-inline' allows
 * (it refuses `style` attributes in parsed markup and inline <style> elements, which the app has none of).
 */
export const APP_CSP_DIRECTIVES: Readonly<Directives> = {
  "default-src": ["'self'"],
  "script-src": ["'self'"],
  "style-src": ["'self'"],
  // data: for generated images only (the second factor's QR code is an SVG the server renders as a data: URL)
  "img-src": ["'self'", "data:"],
  "font-src": ["'self'"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
  "form-action": ["'self'"],
};

/**
 * The app's policy with some directives replaced, for a route that needs more (a page of another library with its
 * own scripts or styles). A route opts in with its own helmet options, which replace the app's for that route only:
 *
 *   app.get("/api/docs", { helmet: { contentSecurityPolicy: cspWith({ "style-src": ["'self'", "'unsafe-inline'"] }) } }, …)
 *
 * Routes a plugin registers (where no route options can be passed) take it from `config.helmet` in an onRoute hook
 * of the plugin's own scope, or send their own `content-security-policy` header, which replaces this one.
 */
export function cspWith(overrides: Directives) {
  return { useDefaults: false, directives: { ...APP_CSP_DIRECTIVES, ...overrides } };
}

/**
 * Security headers on every answer (@fastify/helmet). HSTS only when the session cookies are Secure, i.e. the app is
 * served over HTTPS: a plain-http LAN test (TSUNAGU_INSECURE_COOKIES=1) must not pin the host to HTTPS.
 * `upgrade-insecure-requests` is left out: every request the app makes is same-origin, and on http://localhost the
 * upgrade would send them to a port that speaks no TLS.
 */
export async function registerSecurityHeaders(app: FastifyInstance, opts: { secure: boolean }) {
  await app.register(helmet, {
    contentSecurityPolicy: cspWith({}),
    strictTransportSecurity: opts.secure ? { maxAge: 31536000, includeSubDomains: true } : false,
    // the referrer stays on this site (the app's own links keep working; other sites learn nothing)
    referrerPolicy: { policy: "same-origin" },
    xFrameOptions: { action: "deny" },
  });
}
