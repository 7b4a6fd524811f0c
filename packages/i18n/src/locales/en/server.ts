/**
 * What the server says: texts, calls and emails to guests in the language they ordered in,
 * and to staff in the store's. `templates` keep the store-editable syntax (`{store}`, and
 * `[...]` parts dropped when a value inside is empty), so a store's own wording and KDS's read
 * the same way.
 */
export const server = {
  templates: {
    smsConfirmation: '{store}: order #{number} received. Follow it: {link}[ Pickup code: {code}.]',
    smsStarted: '{store}: the kitchen is making order #{number}[, expected at {eta}].',
    smsReady: '{store}: order #{number} is ready![ Show code {code} at the counter.]',
    callReady:
      'Hello from {store}. Your order number {number} is ready. Please come to the counter.',
    smsOnTheWay: '{store}: order #{number} is on its way[ with {driver}]. Follow it: {link}',
    smsPaymentLink:
      '{store}: pay for order #{number} ({total}) here: {link}[ The link works until {payBy}.][ Ready about {wait} min after you pay.][ Ready at {eta}.]',
  },
  checkout: { order: 'Order #{{number}}', tax: 'Tax', tip: 'Tip' },
  email: {
    follow: 'Follow your order',
    confirmationSubject: 'Your order #{{number}} at {{store}}',
    confirmationIntro: 'Thank you! We have your order #{{number}} at {{store}}.',
    canceledSubject: 'Order #{{number}} canceled',
    canceledIntro: 'Your order #{{number}} at {{store}} was canceled.',
    refunding: 'Your payment is being refunded; it can take a few days to show.',
    paymentLinkSubject: 'Pay for your order #{{number}} at {{store}}',
    paymentLinkIntro:
      'Here is the link to pay for your order #{{number}} at {{store}}. The kitchen starts as soon as it is paid.',
    readyAt: 'It will be ready at {{time}}.',
    readyAfter: 'It will be ready about {{minutes}} minutes after you pay.',
    payNow: 'Pay now',
    linkUntil: 'The link works until {{time}}.',
    staffOrderSubject: 'New order #{{number}} ({{kind}})',
    staffOrderIntro: 'New paid order #{{number}} at {{store}}.',
    openOrder: 'Open the order',
    customer: 'Customer: {{name}}',
    customerWithPhone: 'Customer: {{name}}, {{phone}}',
    notGiven: 'not given',
    table: 'Table: {{table}}',
    notes: 'Notes: {{notes}}',
    total: 'Total',
    pickupCode: 'Pickup code: {{code}}',
    pickupCodeLabel: 'Pickup code:',
    fulfilment: { pickup: 'pickup', delivery: 'delivery', dine_in: 'dine-in' },
  },
};
