import { describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES, renderTemplate } from './templates.ts';

const values = {
  store: 'Demo Grill',
  number: 42,
  code: '123456',
  link: 'https://x/t/1',
  eta: '',
  total: '$18.40',
  payBy: '',
  wait: '',
  driver: '',
};

describe('message templates', () => {
  test('fills placeholders and keeps optional parts only when they have values', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.smsReady, values)).toBe(
      'Demo Grill: order #42 is ready! Show code 123456 at the counter.',
    );
    expect(renderTemplate(DEFAULT_TEMPLATES.smsReady, { ...values, code: '' })).toBe(
      'Demo Grill: order #42 is ready!',
    );
    expect(renderTemplate(DEFAULT_TEMPLATES.smsStarted, values)).toBe(
      'Demo Grill: the kitchen is making order #42.',
    );
    expect(renderTemplate(DEFAULT_TEMPLATES.smsStarted, { ...values, eta: '12:45' })).toBe(
      'Demo Grill: the kitchen is making order #42, expected at 12:45.',
    );
  });

  test('a payment link says until when it works and when the order will be ready', () => {
    const link = { ...values, code: '', payBy: 'Tue 19:30' };
    expect(renderTemplate(DEFAULT_TEMPLATES.smsPaymentLink, { ...link, wait: '25' })).toBe(
      'Demo Grill: pay for order #42 ($18.40) here: https://x/t/1 The link works until Tue 19:30. Ready about 25 min after you pay.',
    );
    expect(renderTemplate(DEFAULT_TEMPLATES.smsPaymentLink, { ...link, eta: '20:15' })).toBe(
      'Demo Grill: pay for order #42 ($18.40) here: https://x/t/1 The link works until Tue 19:30. Ready at 20:15.',
    );
  });

  test('a delivery on its way names its driver when the store said who', () => {
    expect(renderTemplate(DEFAULT_TEMPLATES.smsOnTheWay, { ...values, driver: 'Sam' })).toBe(
      'Demo Grill: order #42 is on its way with Sam. Follow it: https://x/t/1',
    );
    expect(renderTemplate(DEFAULT_TEMPLATES.smsOnTheWay, values)).toBe(
      'Demo Grill: order #42 is on its way. Follow it: https://x/t/1',
    );
  });

  test('an unknown placeholder stays visible instead of vanishing', () => {
    expect(renderTemplate('#{number} {nmber}', values)).toBe('#42 {nmber}');
  });
});
