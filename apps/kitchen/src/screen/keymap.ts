export type Action =
  | 'select1'
  | 'select2'
  | 'select3'
  | 'select4'
  | 'select5'
  | 'select6'
  | 'select7'
  | 'select8'
  | 'select9'
  | 'next'
  | 'previous'
  | 'bump'
  | 'recall'
  | 'undo'
  | 'rush'
  | 'pageNext'
  | 'pagePrevious'
  | 'allDay'
  | 'help'
  | 'close';

export type KeyMap = Record<string, Action>;

const digits = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), `select${n}` as Action]),
);

export type KeymapName = 'keyboard' | 'bumpbar';

/**
 * Presets: a plain keyboard, and the numeric-keypad layout most 10- and 20-key bump bars send
 * (their names are in the catalogue, `keys.presets`).
 */
export const KEYMAPS: Record<KeymapName, { keys: KeyMap }> = {
  keyboard: {
    keys: {
      ...digits,
      ArrowRight: 'next',
      ArrowLeft: 'previous',
      Enter: 'bump',
      b: 'bump',
      r: 'recall',
      u: 'undo',
      p: 'rush',
      PageDown: 'pageNext',
      PageUp: 'pagePrevious',
      a: 'allDay',
      '?': 'help',
      Escape: 'close',
    },
  },
  bumpbar: {
    keys: {
      ...digits,
      '+': 'next',
      '-': 'previous',
      Enter: 'bump',
      '0': 'recall',
      '.': 'undo',
      '*': 'rush',
      PageDown: 'pageNext',
      PageUp: 'pagePrevious',
      '/': 'allDay',
      Home: 'help',
      Escape: 'close',
    },
  },
};

/** Keys that name a printable character match case-insensitively ("B" bumps too). */
export function actionFor(keys: KeyMap, key: string): Action | undefined {
  return keys[key] ?? (key.length === 1 ? keys[key.toLowerCase()] : undefined);
}
