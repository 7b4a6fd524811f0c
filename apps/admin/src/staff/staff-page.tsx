import { useTranslation } from '@kds/i18n/react';
import { useTRPC } from '@kds/ui';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Notice, useAction } from '../shared/feedback.tsx';
import { Loading, Problem } from '../shared/states.tsx';
import type { Outputs } from '../shared/types.ts';
import { InvitationsTable } from './invitations-table.tsx';
import { InviteCard } from './invite-card.tsx';
import { MemberRow } from './member-row.tsx';

type Member = Outputs['staff']['list'][number];
type Role = Member['role'];

/**
 * Who works at this store and as what. The store manages its memberships (role, suspended here,
 * removed from here); each account belongs to its holder, who may work at other stores too.
 */
export function StaffPage({ myRole, myId }: { myRole: Role; myId: string | undefined }) {
  const { t } = useTranslation('admin');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.staff.list.queryOptions());
  const { outcome, act } = useAction(() => queryClient.invalidateQueries(trpc.staff.pathFilter()));

  if (list.error) return <Problem error={list.error} />;
  if (!list.data) return <Loading />;
  const roles: Role[] = myRole === 'owner' ? ['kitchen', 'manager', 'owner'] : ['kitchen'];

  return (
    <>
      <header className="page-head">
        <h1>{t('staff.title')}</h1>
        <p className="muted">{t('staff.intro')}</p>
      </header>
      <Notice outcome={outcome} />
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('staff.name')}</th>
              <th scope="col">{t('staff.email')}</th>
              <th scope="col">{t('staff.role')}</th>
              <th scope="col">{t('staff.state')}</th>
              <th scope="col">{t('staff.devices')}</th>
              <th scope="col">
                <span className="sr-only">{t('staff.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((member) => (
              <MemberRow
                key={member.id}
                member={member}
                canChangeRole={myRole === 'owner' && member.id !== myId}
                canManage={roles.includes(member.role) && member.id !== myId}
                act={act}
              />
            ))}
          </tbody>
        </table>
      </div>
      <InviteCard roles={roles} />
      <InvitationsTable />
    </>
  );
}
