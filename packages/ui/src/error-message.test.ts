import { describe, expect, test } from 'vitest';
import { createI18n } from '@kds/i18n';
import { messageFor } from './error-message.ts';

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
});
