export { ChoosePassword } from './choose-password.tsx';
export { temporaryPassword } from './temporary-password.ts';
export { NewPasswordFields, newPasswordOf } from './new-password-fields.tsx';
export { createKdsClients, isAuthError, needsNewPassword, type KdsClients } from './client.ts';
export {
  ConnectionIndicator,
  NOT_LIVE_ALARM_MS,
  type ConnectionIndicatorProps,
} from './connection-indicator.tsx';
export { clockOffset, formatElapsed, formatMoney } from './format.ts';
export { StoreRegionProvider, useFormat, type Format, type StoreRegion } from './regional.tsx';
export { KdsProvider, useKdsClients } from './provider.tsx';
export { TRPCProvider, useTRPC, useTRPCClient } from './trpc.ts';
export { useConnection, useNow, type Connection, type LinkState } from './use-connection.ts';
export { PartBoundary, ScreenBoundary } from './error-boundaries.tsx';
export { randomKey } from './random-key.ts';
export { SoundOverlay, useSound, type Chime } from './sound.tsx';
export { PacingPanel } from './pacing-panel.tsx';
export { ItemSheet, type ItemChoice } from './order-entry/item-sheet.tsx';
export { AllergyFields, allergiesOf } from './order-entry/allergy-fields.tsx';
export { OrderEntry } from './order-entry/order-entry.tsx';
export { problemsOf, problemText, type ProblemMap } from './order-entry/problems.ts';
export { Totals } from './order-entry/totals.tsx';
export type { Menu, MenuItem, Preview } from './order-entry/types.ts';
export { messageFor } from './error-message.ts';
export { LanguageOptions, MyLanguageSelect } from './my-language.tsx';
export { useDebounced } from './use-debounced.ts';
