export { appRouter, procedurePaths, type AppRouter } from './root.ts';
export { openApiDocument, REST_BASE_PATH } from './openapi.ts';
export {
  createApiContext,
  type ApiContext,
  type ApiDeps,
  type SessionCookie,
  type Transport,
} from './context.ts';
export { addressKey, createRateLimits, pruneRateLimits, type RateLimits } from './rate-limits.ts';
export { StreamGuard, type StreamLease } from './stream-guard.ts';
export type { DomainConfig, Principal, ReportingReplica, ServiceModes } from './domain/context.ts';
export { hashPassword, stillValidPrincipals } from './domain/auth/index.ts';
export {
  EventBus,
  EVENTS_CHANNEL,
  createEventLog,
  createNotifier,
  listenForEvents,
  readEvents,
  LiveGroups,
} from './events/index.ts';
export type { LiveCarrier, LiveMember } from './events/index.ts';
export { kitchenEventFilter } from './domain/kitchen/index.ts';
export type { StoredEvent, Ticket, TicketItem, EventType } from './events/index.ts';
export { createAddressGeocoder } from './gateways/geocoder.ts';
export { createPostcodeLookup } from './gateways/postcodes.ts';
export { createRawTcpPrinter } from './gateways/raw-tcp-printer.ts';
export type { Geocoder } from './domain/stores/location.ts';
export {
  createSimulatedStripe,
  createStripeGateway,
  type StripeGateway,
} from './gateways/stripe.ts';
export { completedSessionEvent, simulatedSession } from './gateways/simulated-checkout.ts';
export { formatMoney } from './domain/money.ts';
export { escapeHtml } from './domain/notifications/html.ts';
export {
  expireUnpaidOrders,
  handleStripeEvent,
  refundDelivered,
  reconcilePayments,
  recordPaymentDetails,
  refundSender,
} from './domain/payments/index.ts';
export { smsSender, type SmsTransport } from './domain/notifications/sms.ts';
export {
  escposOf,
  printForDarkStations,
  printDelivered,
  printSender,
  type PrinterTransport,
} from './domain/printing/index.ts';
export {
  createTwilioCalls,
  createTwilioSms,
  recordedCalls,
  recordedSms,
  sayTwiml,
  validTwilioSignature,
} from './gateways/twilio.ts';
export { recordDeliveryStatus } from './domain/notifications/delivery-status.ts';
export {
  emailSender,
  type MailTransport,
  type ReportAttachments,
} from './domain/notifications/email.ts';
export { callSender, type CallTransport } from './domain/notifications/call.ts';
export { recordSmsReply } from './domain/notifications/opt-out.ts';
export { escalateStuckScreens } from './domain/devices/index.ts';
export { keepPendingTicketTimes, sendScheduledReports } from './domain/reports/index.ts';
export { alertFailingWebhooks } from './domain/webhooks/index.ts';
export {
  claimDue,
  PermanentFailure,
  runOutbox,
  type OutboxOptions,
} from './domain/outbox/index.ts';
export {
  signWebhook,
  verifyWebhookSignature,
  WEBHOOK_EVENT_TYPES,
  webhookSender,
  type WebhookBody,
  type WebhookTransport,
} from './domain/webhooks/index.ts';
export { createSmtpMailer, recordedMail } from './gateways/mail.ts';
export { createWebhookHttp, type WebhookHttpOptions } from './gateways/webhook-http.ts';
export {
  ExportInput,
  exportRows,
  exportRowsForStore,
  ITEM_COLUMNS,
  ORDER_COLUMNS,
  ordersReport,
  type ExportRow,
  type ExportRows,
  type OrdersReport,
  type ReportOrder,
} from './domain/exports/index.ts';
export { DomainError } from './domain/errors.ts';
export { applyRetention } from './domain/privacy/index.ts';
export { getStoreSettings, onlinePaymentStores } from './domain/stores/index.ts';
export { HandoffSlot, liveStream, liveSubscriptions, type SubscriptionKind } from './tracked.ts';
export { healthSnapshot } from './domain/ops/health-snapshot.ts';
export {
  issueSetupCode,
  NewOwnerInput,
  NewStoreInput,
  setupFromCommandLine,
} from './domain/setup/index.ts';
