export { enqueue } from './enqueue.ts';
export { claimDue, LEASE_MS } from './claim-due.ts';
export {
  backoffMs,
  PermanentFailure,
  runOutbox,
  type OutboxDelivered,
  type OutboxOptions,
  type OutboxSender,
} from './run-outbox.ts';
export {
  listOutbox,
  OutboxListInput,
  OutboxRetryInput,
  resendOutboxMessage,
  retryOutboxMessage,
} from './manage-outbox.ts';
