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

export const ACTION_LABELS: Record<Action, string> = {
  select1: 'Select ticket 1',
  select2: 'Select ticket 2',
  select3: 'Select ticket 3',
  select4: 'Select ticket 4',
  select5: 'Select ticket 5',
  select6: 'Select ticket 6',
  select7: 'Select ticket 7',
  select8: 'Select ticket 8',
  select9: 'Select ticket 9',
  next: 'Next ticket',
  previous: 'Previous ticket',
  bump: 'Bump selected ticket',
  recall: 'Recall last bumped',
  undo: 'Undo last bump',
  rush: 'Rush / unrush selected',
  pageNext: 'Next page',
  pagePrevious: 'Previous page',
  allDay: 'All-day counts',
  help: 'Show this key map',
  close: 'Close panel',
};

export type KeyMap = Record<string, Action>;

const digits = Object.fromEntries(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [String(n), `select${n}` as Action]),
);

/** Presets: a plain keyboard, and the numeric-keypad layout most 10- and 20-key bump bars send. */
export const KEYMAPS: Record<string, { name: string; keys: KeyMap }> = {
  keyboard: {
    name: 'Keyboard',
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
    name: 'Bump bar (keypad)',
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
