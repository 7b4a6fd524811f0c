import type { ReportingReplica } from '@kds/api';
import type { ReadReplica } from '@kds/db';
import type { FastifyBaseLogger } from 'fastify';

/**
 * The replica reports and exports read from while it is at most `maxLagSeconds` behind the
 * primary. Further behind, not streaming, or not answering: they read the primary, and the
 * operator is told why (a report is never staler than the bound, and never fails for it).
 */
export function reportingReplica(
  replica: ReadReplica,
  maxLagSeconds: number,
  log: FastifyBaseLogger,
): ReportingReplica {
  return {
    db: replica.db,
    async isFresh() {
      const lag = await replica.lagSeconds().catch((err: unknown) => {
        log.warn({ err }, 'the reporting replica does not answer: reports read the primary');
        return undefined;
      });
      if (lag === undefined) return false;
      if (lag !== null && lag <= maxLagSeconds) return true;
      log.warn(
        { lagSeconds: lag, maxLagSeconds },
        lag === null
          ? 'the reporting replica is not streaming from the primary: reports read the primary'
          : 'the reporting replica is too far behind: reports read the primary',
      );
      return false;
    },
  };
}
