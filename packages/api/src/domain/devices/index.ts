export { createPairingCode } from './create-pairing-code.ts';
export { pairDevice } from './pair-device.ts';
export { CreatePairingCodeInput, PairDeviceInput } from './schemas.ts';
export { escalateStuckScreens, listScreenHealth, type ScreenHealth } from './screen-health.ts';
