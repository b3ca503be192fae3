/**
 * Chatwoot signs webhook deliveries when a secret is configured: `X-Chatwoot-Signature: sha256=<hex>` where
 * hex = HMAC-SHA256(secret, `${X-Chatwoot-Timestamp}.${raw body}`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const chatwootToleranceSeconds = 300;

export function chatwootSignature(secret: string, timestamp: string, body: string | Uint8Array): string {
  const mac = createHmac('sha256', secret);
  mac.update(`${timestamp}.`);
  mac.update(body);
  return `sha256=${mac.digest('hex')}`;
}

export function verifyChatwootSignature(
  secret: string,
  headers: { readonly signature: string | undefined; readonly timestamp: string | undefined },
  body: Uint8Array,
  nowSeconds: number = Math.floor(Date.now() / 1000),
): boolean {
  const { signature, timestamp } = headers;
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(timestamp)) return false;
  // A captured delivery replayed later is refused.
  if (Math.abs(nowSeconds - Number(timestamp)) > chatwootToleranceSeconds) return false;
  const expected = Buffer.from(chatwootSignature(secret, timestamp, body));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
