import twilio from 'twilio';
import type { CallTransport } from '../domain/notifications/call.ts';
import { RecipientOptedOut, type SmsTransport } from '../domain/notifications/sms.ts';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  from: string;
  /** Another Twilio endpoint (tests point it at a local fake). */
  apiUrl?: string;
  /** Where Twilio reports delivery status and cost (`/webhooks/twilio/status`). */
  statusCallbackUrl?: string;
}

/** Twilio's "Attempt to send to unsubscribed recipient": the number replied STOP. */
const UNSUBSCRIBED = 21610;

/** Checks `X-Twilio-Signature` for a form POST to `url` (the URL Twilio was given). */
export function validTwilioSignature(
  authToken: string,
  signature: string,
  url: string,
  params: Record<string, string>,
): boolean {
  return twilio.validateRequest(authToken, signature, url, params);
}

function clientFor(config: TwilioConfig) {
  // Every request gives up within 20 s: well inside the outbox's lease (run-outbox.ts).
  const client = twilio(config.accountSid, config.authToken, { timeout: 20_000 });
  // The SDK has no base-URL option, but its API domain's baseUrl is public.
  if (config.apiUrl) client.api.baseUrl = config.apiUrl;
  return client;
}

/** Texts through the real Twilio SDK; `apiUrl` points it at a local fake in tests. */
export function createTwilioSms(config: TwilioConfig): SmsTransport {
  const client = clientFor(config);
  return {
    async send(to, body) {
      try {
        const message = await client.messages.create({
          to,
          from: config.from,
          body,
          ...(config.statusCallbackUrl ? { statusCallback: config.statusCallbackUrl } : {}),
        });
        return { id: message.sid };
      } catch (error) {
        if ((error as { code?: number }).code === UNSUBSCRIBED) throw new RecipientOptedOut();
        throw error;
      }
    },
  };
}

/** The locales Twilio's `alice` voice speaks; another locale of a language takes its first. */
const VOICES = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'en-IN', 'es-MX', 'es-ES', 'ja-JP'] as const;
type VoiceLocale = (typeof VOICES)[number];

export function voiceLocale(locale: string): VoiceLocale {
  const exact = VOICES.find((v) => v.toLowerCase() === locale.toLowerCase());
  const language = locale.split('-')[0]?.toLowerCase();
  return exact ?? VOICES.find((v) => v.startsWith(`${language}-`)) ?? 'en-US';
}

/** TwiML that says the words twice (a first "hello?" often covers the start), in their language. */
export function sayTwiml(words: string, locale = 'en-US'): string {
  const response = new twilio.twiml.VoiceResponse();
  const voice = { voice: 'alice', language: voiceLocale(locale) } as const;
  response.say(voice, words);
  response.pause({ length: 1 });
  response.say(voice, words);
  return response.toString();
}

/** Automated calls through the real Twilio SDK; the words go inline as TwiML. */
export function createTwilioCalls(config: TwilioConfig): CallTransport {
  const client = clientFor(config);
  return {
    async call(to, words, locale) {
      const call = await client.calls.create({
        to,
        from: config.from,
        twiml: sayTwiml(words, locale),
        ...(config.statusCallbackUrl
          ? { statusCallback: config.statusCallbackUrl, statusCallbackEvent: ['completed'] }
          : {}),
      });
      return { id: call.sid };
    },
  };
}

type Note = (what: Record<string, unknown>, message: string) => void;

/**
 * Without Twilio settings: the message is recorded in the outbox as sent and logged without
 * its words (they may hold a pickup code), and nothing leaves.
 */
export function recordedSms(note: Note = () => {}): SmsTransport {
  return {
    async send(to, body) {
      const id = `recorded-${crypto.randomUUID()}`;
      note({ id, chars: body.length }, 'text recorded, not sent (no Twilio settings)');
      return { id, recorded: true };
    },
  };
}

export function recordedCalls(note: Note = () => {}): CallTransport {
  return {
    async call() {
      const id = `recorded-${crypto.randomUUID()}`;
      note({ id }, 'call recorded, not placed (no Twilio settings)');
      return { id, recorded: true };
    },
  };
}
