export * from './schema/index.ts';
export { actForStore, actForStoreAt, WORK_ACROSS_STORES } from './schema/tenancy.ts';
export {
  createDb,
  executeRows,
  migrationsFolder,
  type Database,
  type DbConfig,
  type DbHandle,
  type Listener,
  type Queryable,
  type Schema,
  type Transaction,
} from './client.ts';
export { openReplica, type ReadReplica } from './replica.ts';
export { defaultStoreSettings, demoStaff, seedDemo, seedStore, type SeedOptions } from './seed.ts';
export {
  backupKindOf,
  BackupError,
  backupPostgres,
  restorePglite,
  restorePostgres,
  writeBackupFile,
  type BackupKind,
} from './backup.ts';
