import { describe, expect, test } from 'vitest';
import { DEFAULT_TEMPLATES, renderTemplate } from './templates.ts';

const values = { store: 'Demo Grill', number: 42, code: '123456', link: 'https://x/t/1', eta: '' };

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

  test('an unknown placeholder stays visible instead of vanishing', () => {
    expect(renderTemplate('#{number} {nmber}', values)).toBe('#42 {nmber}');
  });
});
