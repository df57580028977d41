import twilio from 'twilio';

/**
 * The URL Twilio signed: the configured public base URL plus the path and query it called. Behind a proxy the
 * service sees another host or scheme, so the public base URL is configured rather than trusted from headers;
 * without it the URL is rebuilt from the request (X-Forwarded-* only from trusted proxies).
 */
export function publicWebhookUrl(publicBaseUrl: string | undefined, request: { protocol: string; host: string | undefined; originalUrl: string }): string {
  const base = publicBaseUrl ? publicBaseUrl.replace(/\/+$/, '') : `${request.protocol}://${request.host ?? 'localhost'}`;
  return `${base}${request.originalUrl}`;
}

/** Checks X-Twilio-Signature (HMAC-SHA1 of the URL and the sorted form parameters) with the twilio package. */
export function isValidTwilioSignature(authToken: string, signature: string | undefined, url: string, params: Record<string, unknown>): boolean {
  if (!signature) return false;
  return twilio.validateRequest(authToken, signature, url, params);
}
