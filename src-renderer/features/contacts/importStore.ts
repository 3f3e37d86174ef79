import { create } from 'zustand';
import { type AppErrorShape, type ImportSummary, MAX_IMPORT_CHARS } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { decodeText } from '../../lib/decode';
import { notifySuccess } from '../../lib/errors';
import { formatCount } from '../../lib/format';
import { useContacts } from './store';

/** State of the CSV import: the file being read, rows read so far, and the last outcome. */
export interface ImportState {
  running: boolean;
  fileName: string | null;
  /** From `import:progress` events; null until the first event. */
  rowsRead: number | null;
  summary: ImportSummary | null;
  /** Text encoding the file was decoded with (utf-8, utf-16le, windows-1252…). */
  encoding: string | null;
  error: AppErrorShape | null;
  /** Reads `file`, sends it to contacts:import and refreshes the contacts. */
  run: (file: File) => Promise<void>;
  dismiss: () => void;
}

function tooLarge(): AppErrorShape {
  const mb = Math.round(MAX_IMPORT_CHARS / 1024 / 1024);
  return { code: 'bad_file', message: `This file is larger than ${mb} MB. Split it into smaller files.` };
}

/** Import store: one import at a time. */
export const useImport = create<ImportState>((set, get) => ({
  running: false,
  fileName: null,
  rowsRead: null,
  summary: null,
  encoding: null,
  error: null,
  async run(file) {
    if (get().running) return;
    set({ running: true, fileName: file.name, rowsRead: null, summary: null, error: null, encoding: null });
    // UTF-16 files take two bytes per character; anything beyond that bound is surely too large.
    if (file.size > MAX_IMPORT_CHARS * 4) {
      set({ running: false, error: tooLarge() });
      return;
    }
    let text: string;
    let encoding: string;
    try {
      ({ text, encoding } = decodeText(new Uint8Array(await file.arrayBuffer())));
    } catch (e) {
      const message = `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`;
      set({ running: false, error: { code: 'bad_file', message } });
      return;
    }
    if (text.length > MAX_IMPORT_CHARS) {
      set({ running: false, error: tooLarge() });
      return;
    }
    set({ encoding });
    const off = api.on('import:progress', (p) => {
      if (p.fileName === file.name) set({ rowsRead: p.rowsRead });
    });
    const r = await api.invoke('contacts:import', { fileName: file.name, content: text });
    off();
    if (!r.ok) {
      set({ running: false, error: r.error });
      return;
    }
    set({ running: false, summary: r.value });
    notifySuccess(
      'Import finished',
      `${formatCount(r.value.imported)} imported, ${formatCount(r.value.updated)} updated`,
    );
    void useContacts.getState().refresh();
  },
  dismiss() {
    set({ summary: null, error: null, fileName: null, rowsRead: null });
  },
}));
