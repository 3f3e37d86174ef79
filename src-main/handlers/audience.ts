import { bulkAction } from '../contacts/bulk';
import { exportContacts } from '../contacts/export';
import { createGroup, deleteGroup, listGroups, renameGroup } from '../contacts/groups';
import { contactsRuntime } from '../contacts/runtime';
import {
  addSuppressions,
  exportSuppressions,
  importSuppressions,
  listSuppressions,
  removeSuppressions,
} from '../contacts/suppressions';
import type { Handlers } from '../transport/dispatch';
import type { Services } from './services';

type AudienceChannels = Extract<
  keyof Handlers,
  `lists:${string}` | `tags:${string}` | `suppressions:${string}` | 'contacts:bulk' | 'contacts:export'
>;

/** lists:*, tags:*, suppressions:*, and bulk actions and export on contacts. */
export function audienceHandlers(s: Services): Pick<Handlers, AudienceChannels> {
  const country = (given?: string) => given ?? s.settings.general().defaultCountry;
  return {
    'contacts:bulk': ({ target, action }) => bulkAction(s.store, target, action),
    'contacts:export': (q) => exportContacts(s.store, q),
    'lists:list': () => listGroups(s.store, 'lists'),
    'lists:create': ({ name }) => createGroup(s.store, 'lists', name),
    'lists:rename': ({ id, name }) => renameGroup(s.store, 'lists', id, name),
    'lists:delete': ({ id }) => deleteGroup(s.store, 'lists', id),
    'tags:list': () => listGroups(s.store, 'tags'),
    'tags:create': ({ name }) => createGroup(s.store, 'tags', name),
    'tags:rename': ({ id, name }) => renameGroup(s.store, 'tags', id, name),
    'tags:delete': ({ id }) => deleteGroup(s.store, 'tags', id),
    'suppressions:list': (q) => listSuppressions(s.store, q),
    'suppressions:add': ({ channel, addresses, reason, defaultCountry }) =>
      addSuppressions(s.store, channel, addresses, reason, 'user', country(defaultCountry)),
    'suppressions:import': ({ uploadId, channel, reason, defaultCountry }) => {
      const rt = contactsRuntime(s.store, s.events);
      return importSuppressions(
        s.store,
        rt.uploads.get(uploadId).path,
        channel,
        reason,
        country(defaultCountry),
      );
    },
    'suppressions:remove': ({ ids }) => removeSuppressions(s.store, ids),
    'suppressions:export': (q) => exportSuppressions(s.store, q),
  };
}
