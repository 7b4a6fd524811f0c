import { formatMoney } from '@kds/api/client';
import {
  formatClock,
  formatDateTime,
  formatDayClock,
  formatLocale,
  hourCycleOf,
  type Regional,
} from '@kds/i18n';
import { useTranslation } from '@kds/i18n/react';
import { createContext, useContext, useMemo, type ReactNode } from 'react';

export interface StoreRegion extends Regional {
  currency: string;
}

const StoreRegionContext = createContext<StoreRegion>({
  storeLocale: 'en-US',
  timeZone: 'UTC',
  currency: 'USD',
});

/** Which store's clock, zone and currency the screens below show. */
export function StoreRegionProvider({
  region,
  children,
}: {
  region: StoreRegion;
  children: ReactNode;
}) {
  const { storeLocale, timeZone, currency } = region;
  const value = useMemo(
    () => ({ storeLocale, timeZone, currency }),
    [storeLocale, timeZone, currency],
  );
  return <StoreRegionContext.Provider value={value}>{children}</StoreRegionContext.Provider>;
}

/** Times and money as this reader reads them, in the store's clock and currency. */
/** Formats in the reader's language and the store's region; see `useFormat`. */
export type Format = ReturnType<typeof useFormat>;

export function useFormat() {
  const { i18n } = useTranslation();
  const region = useContext(StoreRegionContext);
  const language = i18n.language;
  return useMemo(
    () => ({
      region,
      /** The reader's language in the store's region ("es-US"), for Intl formats. */
      locale: formatLocale(language, region.storeLocale),
      hourCycle: hourCycleOf(region.storeLocale),
      clock: (at: Date | string | number) => formatClock(at, language, region),
      dayClock: (at: Date | string | number) => formatDayClock(at, language, region),
      dateTime: (at: Date | string | number) => formatDateTime(at, language, region),
      money: (minor: number, currency = region.currency) =>
        formatMoney(minor, currency, formatLocale(language, region.storeLocale)),
    }),
    [language, region],
  );
}
