export { customerData } from './customer-data.ts';
export { eraseCustomer } from './erase-customer.ts';
export { applyRetention } from './retention.ts';
export { CustomerInput } from './schemas.ts';
