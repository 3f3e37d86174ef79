import { create } from 'zustand';
import type {
  AppErrorShape,
  ColumnField,
  ExistingPolicy,
  ImportJobStatus,
  ImportPreview,
  ReadOptions,
} from '../../../../src-main/contract';
import { api } from '../../../lib/api';
import { notifySuccess } from '../../../lib/errors';
import { formatCount } from '../../../lib/format';
import { useAudience } from '../audienceStore';
import { useContacts } from '../store';
import { UploadError, uploadFile } from '../upload';

/** Wizard steps, in order. `analysing` is the dry run that fills the summary before anything is written. */
export type WizardStep =
  'pick' | 'uploading' | 'preview' | 'mapping' | 'analysing' | 'summary' | 'importing' | 'result';

/** Where the imported contacts go: an existing list, a new list by name, or none. */
export type ListChoice = { id: number } | { name: string } | null;

/** State of the import wizard (one import at a time). */
export interface WizardState {
  step: WizardStep;
  file: { name: string; size: number } | null;
  uploadId: string | null;
  sent: number;
  preview: ImportPreview | null;
  read: ReadOptions;
  fields: ColumnField[];
  analysis: ImportJobStatus | null;
  job: ImportJobStatus | null;
  existing: ExistingPolicy;
  list: ListChoice;
  tags: string[];
  /** Default country for this import (null: the one in Settings). */
  country: string | null;
  busy: boolean;
  error: AppErrorShape | null;
  pick: (file: File) => Promise<void>;
  /** Reads the file again with other encoding, delimiter or sheet. */
  reread: (patch: ReadOptions) => Promise<void>;
  setField: (index: number, field: ColumnField) => void;
  set: (patch: Partial<Pick<WizardState, 'existing' | 'list' | 'tags' | 'country'>>) => void;
  go: (step: 'preview' | 'mapping') => void;
  analyse: () => Promise<void>;
  start: () => Promise<void>;
  cancel: () => Promise<void>;
  reset: () => void;
  dismissError: () => void;
}

const INITIAL = {
  step: 'pick' as WizardStep,
  file: null,
  uploadId: null,
  sent: 0,
  preview: null,
  read: {},
  fields: [],
  analysis: null,
  job: null,
  existing: 'fill' as ExistingPolicy,
  list: null,
  tags: [],
  country: null,
  busy: false,
  error: null,
};

let abortUpload: AbortController | null = null;

/** An `import:progress` event that carries a job's whole status. */
function isJobStatus(p: { jobId?: string; state?: string }): p is ImportJobStatus {
  return typeof p.jobId === 'string' && typeof p.state === 'string';
}

/** The wizard store; `import:progress` events update the running analysis or import. */
export const useWizard = create<WizardState>((set, get) => {
  api.on('import:progress', (event) => {
    if (!isJobStatus(event)) return;
    const p = event;
    const { analysis, job } = get();
    if (analysis?.jobId === p.jobId) set({ analysis: p });
    if (job?.jobId === p.jobId) set({ job: p });
    if (p.done) void finished(p);
  });

  async function finished(p: ImportJobStatus): Promise<void> {
    const { analysis, job, step } = get();
    if (analysis?.jobId === p.jobId && step === 'analysing') {
      if (p.state === 'done') set({ step: 'summary' });
      else
        set({
          step: 'mapping',
          error:
            p.error ?? (p.state === 'cancelled' ? null : { code: 'internal', message: 'The check stopped.' }),
        });
    }
    if (job?.jobId === p.jobId && step === 'importing') {
      set({ step: 'result', error: p.state === 'failed' ? p.error : null });
      if (p.result && p.state === 'done')
        notifySuccess(
          'Import finished',
          `${formatCount(p.result.imported)} imported, ${formatCount(p.result.updated)} updated`,
        );
      void useAudience.getState().reload();
      void useContacts.getState().refresh();
    }
  }

  /** A job may end before its start answer arrives (its last event came first): ask once more. */
  async function catchUp(jobId: string): Promise<void> {
    const r = await api.invoke('contacts:importStatus', { jobId });
    if (!r.ok || r.value.state === 'running') return;
    const { analysis, job } = get();
    if (analysis?.jobId === jobId) set({ analysis: r.value });
    if (job?.jobId === jobId) set({ job: r.value });
    await finished(r.value);
  }

  async function preview(read: ReadOptions): Promise<boolean> {
    const { uploadId } = get();
    if (!uploadId) return false;
    set({ busy: true });
    const r = await api.invoke('contacts:importPreview', { uploadId, read });
    set({ busy: false });
    if (!r.ok) {
      set({ error: r.error });
      return false;
    }
    set({ preview: r.value, read, fields: r.value.fields, error: null });
    return true;
  }

  async function runJob(dryRun: boolean): Promise<ImportJobStatus | null> {
    const s = get();
    if (!s.uploadId) return null;
    const r = await api.invoke('contacts:importStart', {
      uploadId: s.uploadId,
      read: s.read,
      fields: s.fields,
      existing: s.existing,
      tags: s.tags,
      dryRun,
      ...(s.list ? { list: s.list } : {}),
      ...(s.country ? { defaultCountry: s.country } : {}),
    });
    if (!r.ok) {
      set({ error: r.error });
      return null;
    }
    return r.value;
  }

  return {
    ...INITIAL,
    async pick(file) {
      if (get().busy || (get().step !== 'pick' && get().step !== 'result')) get().reset();
      abortUpload = new AbortController();
      set({ ...INITIAL, step: 'uploading', file: { name: file.name, size: file.size }, busy: true });
      try {
        const uploadId = await uploadFile(file, (sent) => set({ sent }), abortUpload.signal);
        set({ uploadId, busy: false });
      } catch (e) {
        const error: AppErrorShape =
          e instanceof UploadError ? e.error : { code: 'bad_file', message: String(e) };
        set({ step: 'pick', busy: false, error: e instanceof UploadError && e.cancelled ? null : error });
        return;
      }
      if (await preview({})) set({ step: 'preview' });
      else {
        const { uploadId } = get();
        if (uploadId) void api.invoke('contacts:uploadDiscard', { uploadId });
        set({ step: 'pick', uploadId: null });
      }
    },
    async reread(patch) {
      await preview({ ...get().read, ...patch });
    },
    setField(index, field) {
      const fields = [...get().fields];
      fields[index] = field;
      set({ fields });
    },
    set(patch) {
      set(patch);
    },
    go(step) {
      set({ step, error: null });
    },
    async analyse() {
      if (!get().fields.some((f) => f === 'email' || f === 'phone')) {
        set({
          error: {
            code: 'invalid_input',
            message: 'Choose the column with email addresses or phone numbers.',
          },
        });
        return;
      }
      set({ busy: true, error: null });
      const status = await runJob(true);
      set({ busy: false });
      if (!status) return;
      set({ analysis: status, step: 'analysing' });
      await catchUp(status.jobId);
    },
    async start() {
      set({ busy: true, error: null });
      const status = await runJob(false);
      set({ busy: false });
      if (!status) return;
      set({ job: status, step: 'importing' });
      await catchUp(status.jobId);
    },
    async cancel() {
      const { step, analysis, job } = get();
      if (step === 'uploading') abortUpload?.abort();
      const running = step === 'analysing' ? analysis : step === 'importing' ? job : null;
      if (running) await api.invoke('contacts:importCancel', { jobId: running.jobId });
    },
    reset() {
      const { uploadId } = get();
      abortUpload?.abort();
      if (uploadId) void api.invoke('contacts:uploadDiscard', { uploadId });
      set({ ...INITIAL });
    },
    dismissError() {
      set({ error: null });
    },
  };
});
