/** PostgreSQL for the tests, from scripts/throwaway-postgres.mjs (shared with the benchmarks). */
import { NO_POSTGRES, postgresInstalled, startPostgres } from '../../../scripts/throwaway-postgres.mjs';

export { NO_POSTGRES, startPostgres };
export type Postgres = Awaited<ReturnType<typeof startPostgres>>;

export function postgresAvailable(): boolean {
  const available = postgresInstalled();
  // In CI these tests must run: a missing PostgreSQL is a failure there, not a skip.
  if (!available && process.env.CI) throw new Error(NO_POSTGRES);
  return available;
}
