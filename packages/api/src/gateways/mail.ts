import nodemailer from 'nodemailer';
import type { MailTransport } from '../domain/notifications/email.ts';

/** Email over SMTP with nodemailer (`smtp://user:pass@host:587`). */
export function createSmtpMailer(config: { url: string; from: string }): MailTransport {
  const transport = nodemailer.createTransport(config.url);
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
      note({ id, to: email.to, subject: email.subject }, 'email recorded, not sent (no SMTP)');
      return { id };
    },
  };
}
