import type { RequestHandler } from 'express';

/**
 * The web app's Content-Security-Policy. The built app is one module script and one stylesheet
 * from 'self' with no inline script (apps/web/index.html); React and ECharts set `style`
 * attributes, which CSP counts as inline styles, hence style-src 'unsafe-inline' (styles cannot
 * run code). ECharts draws on canvas and exports PNGs as data: URLs.
 */
export const WEB_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** JSON answers load nothing: the strictest policy, in case one is ever opened as a page. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

const HSTS = 'max-age=31536000; includeSubDomains';

/**
 * Helmet-style headers on every answer. HSTS only when the request came over https: directly,
 * or through a proxy the TRUST_PROXY setting trusts (`req.secure`); sent over plain http it
 * would be ignored at best, and would lock a plain-http install out at worst.
 */
export function securityHeaders(): RequestHandler {
  return (req, res, next) => {
    const isApi = req.path === '/api' || req.path.startsWith('/api/');
    res.setHeader('Content-Security-Policy', isApi ? API_CSP : WEB_CSP);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    res.setHeader('X-DNS-Prefetch-Control', 'off');
    res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (req.secure) res.setHeader('Strict-Transport-Security', HSTS);
    next();
  };
}
