/** Cents as people read them in messages, receipts and exports ("$18.40"). */
export const formatCents = (cents: number, currency: string) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(cents / 100);
