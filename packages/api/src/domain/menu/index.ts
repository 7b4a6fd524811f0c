export { deleteItem } from './delete-item.ts';
export { deleteCategory, saveCategory } from './edit-categories.ts';
export { deleteStation, saveStation } from './edit-stations.ts';
export { menuForEditing } from './menu-for-editing.ts';
export { saveItem } from './save-item.ts';
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
