import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/** `'sha256-…'` of an inline `<style>` the server's own pages carry (the simulated checkout). */
export const styleHash = (css: string) =>
  `'sha256-${createHash('sha256').update(css).digest('base64')}'`;

/**
 * Security headers on every answer (@fastify/helmet), with a Content-Security-Policy the three
 * apps run under as built: scripts and styles from our origin only, live data over our own
 * WebSocket, no framing by anyone (clickjacking on the kitchen's bump buttons), and no Referer
 * at all, so a tracking link in a guest's address bar never leaks to another site.
 */
export async function registerSecurityHeaders(
  app: FastifyInstance,
  options: { production: boolean; https: boolean; inlineStyles: string[] },
) {
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'none'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", ...options.inlineStyles.map(styleHash)],
        // Menu photos may be hosted anywhere on https; QR codes and icons are data URLs.
        imgSrc: ["'self'", 'data:', 'https:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        // Served over https (PUBLIC_URL): a stray http:// image or link is fetched over https too.
        ...(options.https ? { upgradeInsecureRequests: [] } : {}),
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    // Browsers ignore HSTS over plain http; in production the server sits behind HTTPS.
    strictTransportSecurity: options.production
      ? { maxAge: 31_536_000, includeSubDomains: true }
      : false,
  });
  app.addHook('onSend', async (_request, reply) => {
    reply.header(
      'permissions-policy',
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), screen-wake-lock=(self)',
    );
  });
}
