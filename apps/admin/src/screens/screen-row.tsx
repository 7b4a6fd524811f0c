import { useTranslation } from '@kds/i18n/react';
import { useAdminFormat } from '../shared/format.ts';
import type { Outputs } from '../shared/types.ts';

type Screen = Outputs['device']['health'][number];

/** One paired screen: live, offline or behind (and by how much), since when; unpair it. */
export function ScreenRow({
  screen: s,
  station,
  unpair,
}: {
  screen: Screen;
  /** The name of the station it shows, or "all stations". */
  station: string;
  unpair: () => void;
}) {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  return (
    <tr>
      <td>{s.name}</td>
      <td>{station}</td>
      <td>
        <span className={`state-pill state-pill--${s.state}`}>
          {t(`screens.states.${s.state}`)}
        </span>
        {s.state !== 'live' && (
          <span className="small">{t('screens.since', { time: dateTime(s.since) })}</span>
        )}
        {s.state === 'behind' && (
          <div className="small">
            {s.missed >= 200
              ? t('screens.missedMany', { count: s.missed })
              : t('screens.missed', { count: s.missed })}
          </div>
        )}
      </td>
      <td>{dateTime(s.lastSeenAt)}</td>
      <td>
        <button className="btn btn--small btn--danger" onClick={unpair}>
          {t('screens.unpair')}
        </button>
      </td>
    </tr>
  );
}
