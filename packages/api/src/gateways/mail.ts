import nodemailer from 'nodemailer';
import type { MailTransport } from '../domain/notifications/email.ts';

/**
 * Email over SMTP with nodemailer (`smtp://user:pass@host:587`). A slow or silent mail server
 * is given up on within a minute (nodemailer's own defaults wait up to ten), well inside the
 * outbox's lease, so one email is never sent twice by two workers.
 */
export function createSmtpMailer(config: { url: string; from: string }): MailTransport {
  const transport = nodemailer.createTransport({
    url: config.url,
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      const info = await transport.sendMail({ from: config.from, ...email });
      return { id: info.messageId };
    },
  };
}

/** Without SMTP settings: recorded in the outbox as sent and logged (no body), nothing leaves. */
export function recordedMail(
  note: (what: Record<string, unknown>, message: string) => void = () => {},
): MailTransport {
  return {
    async send(email) {
      const id = `recorded-${crypto.randomUUID()}`;
      note({ id, subject: email.subject }, 'email recorded, not sent (no SMTP)');
      return { id, recorded: true };
    },
  };
}
