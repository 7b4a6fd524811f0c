import { MyLanguageSelect, useTRPC } from '@kds/ui';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from '@kds/i18n/react';
import type { KitchenConfig } from '../board/types.ts';
import { KEYMAPS, type Action, type KeymapName } from '../screen/keymap.ts';
import { keymapSetting, useKeymapName } from '../screen/settings.ts';

const KEY_NAMES: Record<string, string> = { ArrowRight: '→', ArrowLeft: '←', Escape: 'Esc' };

/** A cook's own language, for every screen they sign in to (a paired screen follows the store). */
function MyLanguage({ own }: { own: string | null }) {
  const { t } = useTranslation('kitchen');
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (
    <MyLanguageSelect
      label={t('keys.myLanguage')}
      storeLabel={t('keys.storeLanguage')}
      own={own}
      onSaved={() => queryClient.invalidateQueries(trpc.kitchen.config.queryFilter())}
    />
  );
}

/** The key map in use, and the choice of preset for the bump bar attached to this screen. */
export function HelpPanel({ screen }: { screen: KitchenConfig['screen'] }) {
  const { t } = useTranslation('kitchen');
  const name = useKeymapName();
  const keymap = KEYMAPS[name];
  const byAction = new Map<Action, string[]>();
  for (const [key, action] of Object.entries(keymap.keys)) {
    byAction.set(action, [...(byAction.get(action) ?? []), KEY_NAMES[key] ?? key]);
  }
  const selects = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => `select${n}` as Action);
  return (
    <div className="help">
      {screen.kind === 'staff' && <MyLanguage own={screen.ownLanguage} />}
      <label className="field">
        <span>{t('keys.keymap')}</span>
        <select value={name} onChange={(e) => keymapSetting.set(e.target.value)}>
          {Object.keys(KEYMAPS).map((id) => (
            <option key={id} value={id}>
              {t(`keys.presets.${id as KeymapName}`)}
            </option>
          ))}
        </select>
      </label>
      <table className="keys">
        <tbody>
          <tr>
            <th scope="row">1 – 9</th>
            <td>{t('keys.selectByPosition')}</td>
          </tr>
          {[...byAction]
            .filter(([action]) => !selects.includes(action))
            .map(([action, keys]) => (
              <tr key={action}>
                <th scope="row">
                  {keys.map((k) => (
                    <kbd key={k}>{k}</kbd>
                  ))}
                </th>
                <td>{t(`keys.action.${action}`)}</td>
              </tr>
            ))}
        </tbody>
      </table>
    </div>
  );
}
