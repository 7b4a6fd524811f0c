export { isOpenAt, openingState, openWindows, type OpeningState } from './opening-hours.ts';
export { pickupSlots, SLOT_MINUTES } from './pickup-slots.ts';
export { PickupSlotsInput } from './schemas.ts';
export { switchStore, SwitchStoreInput, whoAmI } from './my-stores.ts';
export { getStoreSettings, updateStoreSettings } from './store-settings.ts';
export { StoreSettingsInput } from './schemas.ts';
export { onlinePaymentStores } from './online-payment-stores.ts';
