export { changeDiscount, createDiscount, listDiscounts } from './manage-discounts.ts';
export { judgeDiscount, type DiscountLine, type DiscountVerdict } from './discount-rules.ts';
export * from './schemas.ts';
