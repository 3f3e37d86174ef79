import { importCsv } from '../contacts/import';
import { listContacts, listImports } from '../contacts/repo';
import type { HandlersFor } from '../transport/dispatch';
import type { Services } from './services';

/** contacts:* — CSV import and the audience table. */
export function contactsHandlers(s: Services): HandlersFor<'contacts'> {
  return {
    'contacts:import': (input) => {
      const defaultCountry = input.defaultCountry ?? s.settings.general().defaultCountry;
      const summary = importCsv(
        s.store,
        { fileName: input.fileName, content: input.content, defaultCountry },
        (rowsRead) =>
          s.events.throttled(`import:${input.fileName}`, 'import:progress', {
            fileName: input.fileName,
            rowsRead,
            done: false,
          }),
      );
      s.events.emit('import:progress', { fileName: input.fileName, rowsRead: summary.rows, done: true });
      return summary;
    },
    'contacts:list': (input) => listContacts(s.store, input),
    'contacts:imports': () => listImports(s.store),
  };
}
