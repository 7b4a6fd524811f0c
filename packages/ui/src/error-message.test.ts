import { describe, expect, test } from 'vitest';
import { createI18n } from '@kds/i18n';
import { issueText, messageFor } from './error-message.ts';

const t = createI18n('en').getFixedT('en', 'common');
const tEs = createI18n('es').getFixedT('es', 'common');

describe('messageFor', () => {
  test("says there is no connection instead of the browser's words", () => {
    for (const words of [
      'Failed to fetch',
      'Load failed',
      'NetworkError when attempting to fetch resource.',
    ]) {
      expect(messageFor(new TypeError(words), t)).toBe(
        'No connection: try again when the screen is back online.',
      );
    }
  });

  test("keeps the server's message, and never shows an empty one", () => {
    expect(messageFor(new Error('this order changed on another screen; reload it'), t)).toBe(
      'this order changed on another screen; reload it',
    );
    expect(messageFor(null, t)).toBe('Something went wrong. Try again.');
  });

  test("says it in the reader's language", () => {
    expect(messageFor(new TypeError('Failed to fetch'), tEs)).toBe(
      'Sin conexión: vuelve a intentarlo cuando la pantalla esté en línea.',
    );
  });

  test("says a refusal in the reader's language from its words, its English without them", () => {
    const refused = (say: unknown) =>
      Object.assign(new Error('cannot bump an order that is canceled'), { data: { say } });
    const say = { key: 'transition.bump', values: { status: 'CANCELED' } };
    expect(messageFor(refused(say), tEs)).toBe('no se puede despachar un pedido cancelado');
    expect(messageFor(refused(say), t)).toBe('cannot bump an order that is canceled');
    // A key this screen does not know yet (a newer server): the server's English.
    expect(messageFor(refused({ key: 'transition.unheardOf' }), tEs)).toBe(
      'cannot bump an order that is canceled',
    );
    expect(messageFor(refused(null), tEs)).toBe('cannot bump an order that is canceled');
  });

  test('says what is wrong with a field: the schema’s words, else zod’s, else the English', () => {
    const refused = (issues: unknown[]) =>
      Object.assign(new Error('x'), { data: { say: null, issues } });
    const cartEmpty = {
      path: ['items'],
      message: 'the cart is empty',
      say: { key: 'input.cartEmpty' },
      zod: null,
    };
    const tooLong = {
      path: ['customer', 'name'],
      message: 'Too big: expected string to have <=80 characters',
      say: null,
      zod: { code: 'too_big', origin: 'string', maximum: 80, inclusive: true },
    };
    const wrongType = {
      path: ['quantity'],
      message: 'Invalid input: expected number, received string',
      say: null,
      zod: { code: 'invalid_type', expected: 'number' },
    };
    expect(messageFor(refused([cartEmpty, tooLong]), tEs)).toBe(
      'items: el carrito está vacío; customer.name: Demasiado grande: se esperaba que texto tuviera <=80 caracteres',
    );
    expect(messageFor(refused([cartEmpty, tooLong]), t)).toBe(
      'items: the cart is empty; customer.name: Too big: expected string to have <=80 characters',
    );
    // Zod would say what it received, which the server does not send back: its English.
    expect(issueText(wrongType, tEs)).toBe('Invalid input: expected number, received string');
  });
});
