export { dashboard } from './dashboard.ts';
export { listOrders } from './list-orders.ts';
export { orderDetail } from './order-detail.ts';
export type { TimelineEntry } from './order-timeline.ts';
export { openStoreStream } from './store-stream.ts';
export { OrderDetailInput, OrderListInput, StoreEventsInput } from './schemas.ts';
export { sendTestMessage, SendTestInput } from './send-test-message.ts';
export { serviceStatus, type ServiceStatus } from './service-status.ts';
