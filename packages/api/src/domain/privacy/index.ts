export { applyRetention, customerData, CustomerInput, eraseCustomer } from './customer-data.ts';
