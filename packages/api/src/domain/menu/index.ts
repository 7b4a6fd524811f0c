export { menuForStore } from './menu-for-store.ts';
export { MenuForStoreInput } from './schemas.ts';
