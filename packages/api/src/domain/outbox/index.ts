export { enqueue } from './enqueue.ts';
export {
  backoffMs,
  runOutbox,
  type OutboxDelivered,
  type OutboxOptions,
  type OutboxSender,
} from './run-outbox.ts';
