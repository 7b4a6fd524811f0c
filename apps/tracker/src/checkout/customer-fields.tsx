import type { ReactNode } from 'react';

/**
 * Who the order is for and how to reach them, with an explicit consent for each channel.
 * Uncontrolled inputs: the checkout form reads them when the order is placed.
 */
export function CustomerFields({ problem }: { problem: (path: string) => ReactNode }) {
  return (
    <>
      <label className="field">
        <span>Name</span>
        <input name="name" autoComplete="name" required maxLength={80} />
        {problem('customer.name')}
      </label>
      <label className="field">
        <span>Mobile (for a text when it is ready)</span>
        <input name="phone" type="tel" autoComplete="tel" placeholder="+15551234567" />
        {problem('customer.phone')}
      </label>
      <label className="check">
        <input type="checkbox" name="sms" /> Text me when my order is ready
      </label>
      <label className="check">
        <input type="checkbox" name="call" /> Call me when my order is ready
      </label>
      <label className="field">
        <span>Email (for the receipt)</span>
        <input name="email" type="email" autoComplete="email" />
        {problem('customer.email')}
      </label>
      <label className="check">
        <input type="checkbox" name="emailConsent" /> Email me the receipt
      </label>
      <label className="field">
        <span>Notes for the order</span>
        <textarea name="notes" maxLength={500} rows={2} />
        {problem('notes')}
      </label>
    </>
  );
}
