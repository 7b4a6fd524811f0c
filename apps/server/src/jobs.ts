import {
  expireUnpaidOrders,
  reconcilePayments,
  refundDelivered,
  refundSender,
  smsSender,
  callSender,
  emailSender,
  alertFailingWebhooks,
  sendScheduledReports,
  keepPendingTicketTimes,
  escalateStuckScreens,
  applyRetention,
  runOutbox,
  createWebhookHttp,
  pruneRateLimits,
  webhookSender,
  printSender,
  printDelivered,
  printForDarkStations,
  type CallTransport,
  type PrinterTransport,
  type ApiDeps,
  type SmsTransport,
  type MailTransport,
  type StripeGateway,
} from '@kds/api';
import type { FastifyBaseLogger } from 'fastify';
import { reportAttachments } from './report-attachments.ts';
import { internalContext } from './request-auth.ts';

export interface Jobs {
  /** One pass of every job, now (tests, operators). */
  runOnce(): Promise<{ expired: number; escalated: number; sent: number; failed: number }>;
  start(): void;
  stop(): void;
}

/**
 * Background work whose state lives in the database (so a restart loses nothing and several
 * instances may run it): unpaid orders expiring, the outbox (refunds, texts, calls, email,
 * outgoing webhooks, print jobs), texts to managers about stuck kitchen screens, chits for
 * stations whose screens went dark, and a regular look at Stripe's sessions to repair any
 * webhook that never came; and the ticket times of handed-over orders kept for the reports
 * (history from before they were kept, or after a store's clock moved).
 */
export function createJobs(
  deps: ApiDeps,
  providers: Providers,
  log: FastifyBaseLogger,
  options: { maxAttempts?: number } = {},
): Jobs {
  const outbox = { ...outboxSenders(providers, log), ...options };
  const context = internalContext(deps);
  const timers: NodeJS.Timeout[] = [];
  const every = (ms: number, name: string, job: () => Promise<unknown>) =>
    timers.push(
      setInterval(
        () => void job().catch((err: unknown) => log.error({ err }, `${name} job failed`)),
        ms,
      ).unref(),
    );
  return {
    async runOnce() {
      const ctx = await context();
      const expired = await expireUnpaidOrders(ctx);
      const escalated = await escalateStuckScreens(ctx);
      await printForDarkStations(ctx);
      await keepPendingTicketTimes(deps.db);
      const reports = await sendScheduledReports(ctx);
      const sent = await runOutbox(ctx, outbox);
      // After the outbox: a delivery that just failed may have opened an incident to report.
      const webhookAlerts = await alertFailingWebhooks(ctx);
      return { expired, escalated, webhookAlerts, reports, ...sent };
    },
    start() {
      every(15_000, 'payment expiry', async () => expireUnpaidOrders(await context()));
      every(2_000, 'outbox', async () => runOutbox(await context(), outbox));
      every(30_000, 'screen escalation', async () => escalateStuckScreens(await context()));
      every(30_000, 'failing webhooks', async () => alertFailingWebhooks(await context()));
      every(10_000, 'ticket times', () => keepPendingTicketTimes(deps.db));
      every(60_000, 'report emails', async () => sendScheduledReports(await context()));
      every(30_000, 'paper for dark screens', async () => printForDarkStations(await context()));
      every(3600_000, 'message retention', async () => applyRetention(await context()));
      every(5 * 60_000, 'rate limit pruning', () => pruneRateLimits(deps.db, deps.now()));
      every(10 * 60_000, 'payment reconciliation', async () =>
        reconcilePayments(await context(), { since: new Date(Date.now() - 24 * 3600_000) }),
      );
    },
    stop: () => timers.splice(0).forEach(clearInterval),
  };
}

interface Providers {
  stripe: StripeGateway | null;
  sms: SmsTransport;
  calls: CallTransport;
  mail: MailTransport;
  webhooks: { requireHttps: boolean; allowedNetworks: string[] };
  printers: PrinterTransport;
}

/** How each channel of the outbox leaves (a refund only with Stripe), and what is logged. */
function outboxSenders(providers: Providers, log: FastifyBaseLogger) {
  const webhooks = createWebhookHttp({
    ...providers.webhooks,
    // Why an endpoint failed, in full, for the operator; the manager reads a generic reason.
    onFailure: ({ url, error }) => log.warn({ err: error, endpoint: url }, 'webhook not delivered'),
  });
  return {
    senders: {
      ...(providers.stripe ? { refund: refundSender(providers.stripe) } : {}),
      sms: smsSender(providers.sms),
      call: callSender(providers.calls),
      email: emailSender(providers.mail, reportAttachments),
      webhook: webhookSender(webhooks),
      print: printSender(providers.printers),
    },
    delivered: { refund: refundDelivered, print: printDelivered },
    onError: (message: { id: string; channel: string }, err: unknown) =>
      log.warn({ err, messageId: message.id, channel: message.channel }, 'outgoing message failed'),
  };
}
