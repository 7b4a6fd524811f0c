export { dashboard } from './dashboard.ts';
export { listOrders } from './list-orders.ts';
export { orderDetail, type TimelineEntry } from './order-detail.ts';
export { openStoreStream } from './store-stream.ts';
export { OrderDetailInput, OrderListInput, StoreEventsInput } from './schemas.ts';
export { sendTestMessage, SendTestInput } from './send-test-message.ts';
export { serviceStatus, type ServiceStatus } from './service-status.ts';
