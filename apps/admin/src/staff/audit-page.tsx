import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useAdminFormat } from '../shared/format.ts';
import { Problem } from '../shared/states.tsx';

/** Every staff change to menu, settings, staff, orders and money (owners only). */
export function AuditPage() {
  const { t } = useTranslation('admin');
  const { dateTime } = useAdminFormat();
  const trpc = useTRPC();
  const list = useInfiniteQuery(
    trpc.staff.audit.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (page) => page.next ?? undefined },
    ),
  );
  const rows = list.data?.pages.flatMap((p) => p.entries) ?? [];
  return (
    <>
      <header className="page-head">
        <h1>{t('audit.title')}</h1>
        <p className="muted">{t('audit.intro')}</p>
      </header>
      {list.error && <Problem error={list.error} />}
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('audit.when')}</th>
              <th scope="col">{t('audit.who')}</th>
              <th scope="col">{t('audit.what')}</th>
              <th scope="col">{t('audit.change')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id}>
                <td>{dateTime(e.createdAt)}</td>
                <td>{e.who ?? t('audit.system')}</td>
                <td>
                  <code>{e.action}</code>
                  <div className="small muted">
                    <code>
                      {e.entity} {e.entityId?.slice(0, 8)}
                    </code>
                  </div>
                </td>
                <td className="small">
                  {e.before !== null && (
                    <div>{t('audit.before', { value: summary(e.before) })}</div>
                  )}
                  {e.after !== null && <div>{t('audit.after', { value: summary(e.after) })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.hasNextPage && (
        <button className="btn" onClick={() => void list.fetchNextPage()}>
          {t('audit.loadMore')}
        </button>
      )}
    </>
  );
}

const summary = (value: unknown) => {
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 160)}…` : text;
};
