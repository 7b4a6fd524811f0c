const LABELS: Record<string, string> = {
  'sms.confirmation': 'Confirmation text',
  'sms.started': '"Expected at" text',
  'sms.ready': 'Ready text',
  'sms.escalation': 'Screen alert text',
  'call.ready': 'Ready call',
  'email.confirmation': 'Confirmation email',
  'email.canceled': 'Cancellation email',
  'email.payment_link': 'Payment link email',
  'sms.payment_link': 'Payment link text',
  'sms.dispatched': '"On its way" text',
  'email.staff_order': 'New-order email to staff',
  'email.staff_invitation': 'Staff invitation email',
  'sms.service_test': 'Test text',
  'email.service_test': 'Test email',
  'email.webhook_failing': 'Failing webhook alert',
  'email.scheduled_report': 'Report email',
  'sms.webhook_failing': 'Failing webhook alert',
  'stripe.refund': 'Refund',
  chit: 'Kitchen chit',
  chit_fallback: 'Kitchen chit (screen not live)',
  chit_reprint: 'Chit reprint',
  receipt: 'Receipt',
  printer_test: 'Printer test page',
};

/** What a queued message is, in words a manager reads ("Ready text", "Webhook order.placed"). */
export function messageLabel(template: string): string {
  if (template.startsWith('webhook.')) return `Webhook ${template.slice('webhook.'.length)}`;
  return LABELS[template] ?? template;
}
