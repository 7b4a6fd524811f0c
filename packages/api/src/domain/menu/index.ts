export { menuForStore } from './menu-for-store.ts';
export { MenuForStoreInput, SetAvailabilityInput } from './schemas.ts';
export { setAvailability } from './set-availability.ts';
