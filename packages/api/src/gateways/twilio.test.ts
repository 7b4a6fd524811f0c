import { describe, expect, test } from 'vitest';
import { sayTwiml, voiceLocale } from './twilio.ts';

describe('the words of a call', () => {
  test('are spoken by a voice of their language, in the store’s region where it has one', () => {
    expect(voiceLocale('es-MX')).toBe('es-MX');
    expect(voiceLocale('es-US')).toBe('es-MX');
    expect(voiceLocale('en-MX')).toBe('en-US');
    expect(voiceLocale('en-GB')).toBe('en-GB');
    expect(voiceLocale('ja-JP')).toBe('ja-JP');
    expect(voiceLocale('xx-YY')).toBe('en-US');
  });

  test('say the sentence twice, in that voice', () => {
    const twiml = sayTwiml('Su pedido número 7 está listo.', 'es-MX');
    expect(
      twiml.match(/<Say voice="alice" language="es-MX">Su pedido número 7 está listo\.<\/Say>/g),
    ).toHaveLength(2);
  });
});
