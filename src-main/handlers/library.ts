import {
  deleteLibrary,
  duplicateLibrary,
  exportLibrary,
  importLibrary,
  listLibrary,
  renameLibrary,
  saveLibrary,
} from '../library/repo';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** library:* — reusable email and WhatsApp content: save, duplicate, rename, delete, export, import. */
export function libraryHandlers(s: Services): HandlersFor<'library'> {
  return {
    'library:list': () => listLibrary(s.store),
    'library:save': (input) => saveLibrary(s.store, input),
    'library:duplicate': ({ id }) => duplicateLibrary(s.store, id),
    'library:rename': ({ id, name }) => renameLibrary(s.store, id, name),
    'library:delete': ({ id }) => {
      deleteLibrary(s.store, id);
      return { deleted: true as const };
    },
    'library:export': ({ ids }) => exportLibrary(s.store, ids),
    'library:import': ({ json }) => importLibrary(s.store, json),
  };
}
