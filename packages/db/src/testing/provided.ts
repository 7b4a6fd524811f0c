// What the global setup hands to every test file through provide()/inject().
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDumpPath: string;
    /** PostgreSQL only: this run's migrated template database. */
    templateDatabase: string;
  }
}

export {};
