export { enqueue } from './enqueue.ts';
export {
  backoffMs,
  claimDue,
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
