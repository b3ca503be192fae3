/**
 * Security headers for the web app the server serves. The built app is one module script and one stylesheet from
 * its own origin, so the policy allows nothing else: no inline script or style elements, no eval, no plugins, no
 * other origins. React's `style` props and uPlot set styles through the CSSOM, which `style-src` does not govern.
 */

/** Where the app may be framed: nowhere, except the Chatwoot Dashboard App embed, which lives in the help desk. */
export type FramePolicy = 'deny' | 'embeddable';

function contentSecurityPolicy(frames: FramePolicy): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers ws: and wss: on the same host (CSP Level 3), which is all the live socket needs.
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    // The help desk's origin is the customer's own (any Chatwoot install), so it cannot be listed in advance.
    `frame-ancestors ${frames === 'embeddable' ? '*' : "'none'"}`,
  ].join('; ');
}

/** Headers for every response that carries a file of the web app, or a page standing in for it. */
export function webAppHeaders(frames: FramePolicy): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(frames),
    'x-content-type-options': 'nosniff',
    // The embed's URL carries an API token; no page of the app should hand its URL to another site.
    'referrer-policy': 'no-referrer',
    'cross-origin-opener-policy': 'same-origin',
    // For browsers that predate frame-ancestors.
    ...(frames === 'deny' ? { 'x-frame-options': 'DENY' } : {}),
  };
}
