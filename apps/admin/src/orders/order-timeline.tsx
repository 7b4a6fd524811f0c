import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';
import { useTimelineWords } from './timeline-words.ts';

/** Who did what to the order, and when, in the words of the manager's language. */
export function OrderTimeline({ timeline }: { timeline: Outputs['order']['detail']['timeline'] }) {
  const { t } = useTranslation('admin');
  const { timeOnly } = useAdminFormat();
  const describe = useTimelineWords();
  return (
    <section className="card" aria-labelledby="timeline-title">
      <h2 id="timeline-title">{t('order.timeline')}</h2>
      <ol className="timeline">
        {timeline.map((entry, i) => (
          <li key={i} className={`timeline__item timeline__item--${entry.kind}`}>
            <time dateTime={new Date(entry.at).toISOString()}>{timeOnly(entry.at)}</time>
            <span className="timeline__what">{describe.what(entry)}</span>
            <span className="timeline__who">{t('order.by', { who: describe.who(entry) })}</span>
            {typeof entry.detail.reason === 'string' && (
              <span className="muted small">“{entry.detail.reason}”</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
