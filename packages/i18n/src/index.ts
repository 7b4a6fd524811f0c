import i18next, { type i18n, type TFunction } from 'i18next';
import type { Messages } from './catalogue.ts';
import { type Language, PSEUDO, type UiLanguage } from './languages.ts';
import { en } from './locales/en.ts';
import { es } from './locales/es.ts';
import { pseudoMessages } from './pseudo.ts';

export { flatten, type Messages } from './catalogue.ts';
export {
  isLanguage,
  isUiLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  pickLanguage,
  PSEUDO,
  type Language,
  type UiLanguage,
} from './languages.ts';
export { pseudoMessage } from './pseudo.ts';
export {
  formatClock,
  formatDate,
  formatDateTime,
  formatDayClock,
  formatLocale,
  hourCycleOf,
  regionOf,
  type Regional,
} from './regional.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof en;
  }
}

export type Namespace = keyof typeof en;

/**
 * A problem's words for the reader's own language: a key of `errors.problems` and its values
 * (`…At` moments and `…On` days as ISO strings, `…Minor` amounts, `…Meters` distances).
 */
export interface ProblemWords {
  key: keyof (typeof en)['errors']['problems'];
  values?: Record<string, string | number>;
}
/** The dotted paths of a catalogue's messages: `notFound.order`. */
type MessagePath<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : MessagePath<T[K], `${P}${K}.`>;
}[keyof T & string];

/**
 * Why the server refused a request, in words for the reader's own language: a message of the
 * `errors` namespace and its values (names, numbers, an order `status`).
 */
export interface ErrorWords {
  key: MessagePath<(typeof en)['errors']>;
  values?: Record<string, string | number>;
}
export const NAMESPACES = Object.keys(en) as Namespace[];

export const catalogues: Record<Language, typeof en> = { en, es };

let pseudo: Messages | undefined;
const pseudoCatalogue = () => (pseudo ??= pseudoMessages(en));

/**
 * An i18next instance holding every catalogue, set to one language. Messages missing in a
 * language fall back to English (a test keeps Spanish complete, so none should).
 */
export function createI18n(language: UiLanguage): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...Object.keys(catalogues), PSEUDO],
    resources: {
      ...Object.fromEntries(Object.entries(catalogues).map(([lng, m]) => [lng, m])),
      ...(language === PSEUDO ? { [PSEUDO]: pseudoCatalogue() } : {}),
    },
    ns: NAMESPACES,
    defaultNS: 'common',
    initAsync: false,
    // React and the email builder escape what they print; i18next must not escape twice.
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
  return instance;
}

/** Adds the pseudo-locale to an instance made for a real language, when a screen asks for it. */
export function ensureLanguage(instance: i18n, language: UiLanguage): void {
  if (language === PSEUDO && !instance.hasResourceBundle(PSEUDO, 'common')) {
    for (const [ns, messages] of Object.entries(pseudoCatalogue())) {
      instance.addResourceBundle(PSEUDO, ns, messages);
    }
  }
}

let server: i18n | undefined;

/** The server's translator for one language: texts, emails, call scripts, PDFs. */
export function translatorFor<N extends Namespace>(language: Language, ns: N): TFunction<N> {
  server ??= createI18n('en');
  return server.getFixedT(language, ns);
}
