import { describe, expect, test } from 'vitest';
import { actionFor, KEYMAPS } from './keymap.ts';

describe('actionFor', () => {
  test('maps keyboard keys, case-insensitively for letters', () => {
    const keys = KEYMAPS.keyboard.keys;
    expect(actionFor(keys, '3')).toBe('select3');
    expect(actionFor(keys, 'B')).toBe('bump');
    expect(actionFor(keys, 'Enter')).toBe('bump');
    expect(actionFor(keys, 'x')).toBeUndefined();
  });

  test('the bump-bar preset uses the numeric keypad', () => {
    const keys = KEYMAPS.bumpbar.keys;
    expect(actionFor(keys, '0')).toBe('recall');
    expect(actionFor(keys, '.')).toBe('undo');
    expect(actionFor(keys, '*')).toBe('rush');
  });

  test('every preset reaches every action a kitchen needs', () => {
    for (const preset of Object.values(KEYMAPS)) {
      const actions = new Set(Object.values(preset.keys));
      for (const needed of [
        'bump',
        'recall',
        'undo',
        'next',
        'pageNext',
        'help',
        'select1',
      ] as const) {
        expect(actions).toContain(needed);
      }
    }
  });
});
