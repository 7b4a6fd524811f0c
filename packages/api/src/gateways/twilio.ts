import twilio from 'twilio';
import type { SmsTransport } from '../domain/notifications/sms.ts';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** Another Twilio endpoint (tests point it at a local fake). */
  apiUrl?: string;
  /** Where Twilio reports delivery status and cost (`/webhooks/twilio/status`). */
  statusCallbackUrl?: string;
}

/** Checks `X-Twilio-Signature` for a form POST to `url` (the URL Twilio was given). */
export function validTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string>,
): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}

/** Texts through the real Twilio SDK; `apiUrl` points it at a local fake in tests. */
export function createTwilioSms(config: TwilioConfig): SmsTransport {
  const client = twilio(config.accountSid, config.authToken);
  // The SDK has no base-URL option, but its API domain's baseUrl is public.
  if (config.apiUrl) client.api.baseUrl = config.apiUrl;
  return {
    async send(to, body) {
      const message = await client.messages.create({
        to,
        from: config.from,
        body,
        ...(config.statusCallbackUrl ? { statusCallback: config.statusCallbackUrl } : {}),
      });
      return { id: message.sid };
    },
  };
}

/** Without Twilio settings: the message is recorded in the outbox as sent, and nothing leaves. */
export const recordedSms: SmsTransport = {
  send: async () => ({ id: `recorded-${crypto.randomUUID()}` }),
};
