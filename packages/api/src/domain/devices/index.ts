export { createPairingCode } from './create-pairing-code.ts';
export { pairDevice } from './pair-device.ts';
export { revokeDevice } from './revoke-device.ts';
export { CreatePairingCodeInput, PairDeviceInput, RevokeDeviceInput } from './schemas.ts';
export { escalateStuckScreens } from './escalate-stuck-screens.ts';
export { listScreenHealth, type ScreenHealth } from './screen-health.ts';
