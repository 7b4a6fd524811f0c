import { describe, expect, test } from 'vitest';
import { messageFor } from './error-message.ts';

describe('messageFor', () => {
  test("says there is no connection instead of the browser's words", () => {
    for (const words of [
      'Failed to fetch',
      'Load failed',
      'NetworkError when attempting to fetch resource.',
    ]) {
      expect(messageFor(new TypeError(words))).toBe(
        'No connection: try again when the screen is back online.',
      );
    }
  });

  test("keeps the server's message, and never shows an empty one", () => {
    expect(messageFor(new Error('this order changed on another screen; reload it'))).toBe(
      'this order changed on another screen; reload it',
    );
    expect(messageFor(null)).toBe('Something went wrong. Try again.');
  });
});
