export {
  deleteCategory,
  deleteItem,
  deleteStation,
  menuForEditing,
  saveCategory,
  saveItem,
  saveStation,
} from './edit-menu.ts';
export { menuForStore } from './menu-for-store.ts';
export {
  MenuForStoreInput,
  MenuIdInput,
  SaveCategoryInput,
  SaveItemInput,
  SaveStationInput,
  SetAvailabilityInput,
} from './schemas.ts';
export { setAvailability } from './set-availability.ts';
