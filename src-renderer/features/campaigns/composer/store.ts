import { create } from 'zustand';
import {
  type AppErrorShape,
  CONTACT_FIELDS,
  type ChannelMode,
  type RequestInput,
  type RequestOutput,
  type WhatsAppTemplate,
} from '../../../../src-main/contract';
import type { FieldErrors } from '../../../lib/errors';
import { api } from '../../../lib/api';
import { guessParameter, isPlainVariable } from '../../../lib/liquid';
import { emailDraftExtras, useEmailExtras } from './EmailExtrasStore';
import { useWhatsAppExtras, whatsappDraftExtras } from './WhatsAppExtrasStore';
import { modeSendsEmail, modeSendsWhatsApp } from '../labels';

/** The campaign being composed, as the user edits it. */
export interface DraftFields {
  name: string;
  /** null = every contact. */
  importId: number | null;
  channelMode: ChannelMode;
  subject: string;
  html: string;
  templateId: number | null;
  /** Placeholder key → Liquid text. */
  parameters: Record<string, string>;
}

/** Composer state: the draft, the synced templates, and server-side field errors. */
export interface ComposerState extends DraftFields {
  templates: WhatsAppTemplate[];
  templatesLoaded: boolean;
  templatesError: AppErrorShape | null;
  templatesSyncing: boolean;
  /** Result of the last "Sync templates" in this session. */
  templatesSynced: RequestOutput<'templates:sync'> | null;
  /** templates:list into `templates`. */
  loadTemplates: () => Promise<void>;
  /** templates:sync (from Meta), then templates:list. */
  syncTemplates: () => Promise<void>;
  dismissTemplatesError: () => void;
  /** Number of contacts in Herald (all-contacts audience); null until known. */
  contactCount: number | null;
  /** Imported attribute keys seen on the first contacts, offered as variables. */
  attributeKeys: string[];
  /** Loads the contact count and the attribute keys. */
  loadFacts: () => Promise<void>;
  errors: FieldErrors;
  /** Set once the user asked for a preview; later edits then refresh it. */
  previewRequested: boolean;
  previewOffset: number;
  preview: RequestOutput<'campaigns:preview'> | null;
  previewError: AppErrorShape | null;
  previewLoading: boolean;
  update: (patch: Partial<DraftFields>) => void;
  chooseTemplate: (id: number | null) => void;
  setParameter: (key: string, value: string) => void;
  setTemplates: (templates: WhatsAppTemplate[]) => void;
  setErrors: (errors: FieldErrors) => void;
  reset: () => void;
}

/** Draft field → the path the contract's CampaignDraft schema reports errors under. */
const FIELD_PATHS: Record<string, string> = {
  subject: 'email.subject',
  html: 'email.html',
  importId: 'audience.importId',
  templateId: 'whatsapp.templateId',
};

const EMPTY_DRAFT: DraftFields = {
  name: '',
  importId: null,
  channelMode: 'email',
  subject: '',
  html: '',
  templateId: null,
  parameters: {},
};

const EMPTY_PREVIEW = {
  previewRequested: false,
  previewOffset: 0,
  preview: null,
  previewError: null,
  previewLoading: false,
};

/** The composer store; survives navigating away so a half-written campaign is not lost. */
export const useComposer = create<ComposerState>((set, get) => ({
  ...EMPTY_DRAFT,
  ...EMPTY_PREVIEW,
  templates: [],
  templatesLoaded: false,
  templatesError: null,
  templatesSyncing: false,
  templatesSynced: null,
  async loadTemplates() {
    const r = await api.invoke('templates:list', {});
    if (r.ok) get().setTemplates(r.value);
    else set({ templatesError: r.error });
  },
  async syncTemplates() {
    set({ templatesSyncing: true, templatesError: null, templatesSynced: null });
    const r = await api.invoke('templates:sync', {});
    if (r.ok) {
      set({ templatesSynced: r.value });
      await get().loadTemplates();
    } else set({ templatesError: r.error });
    set({ templatesSyncing: false });
  },
  dismissTemplatesError() {
    set({ templatesError: null });
  },
  contactCount: null,
  attributeKeys: [],
  errors: {},
  async loadFacts() {
    const r = await api.invoke('contacts:list', { limit: 100 });
    if (!r.ok) return;
    const keys = new Set<string>();
    // Built-in fields win over attributes of the same name (templates/contact-variables.ts), so skip those.
    const builtIn = new Set<string>(CONTACT_FIELDS);
    for (const c of r.value.rows) {
      for (const k of Object.keys(c.attributes)) if (isPlainVariable(k) && !builtIn.has(k)) keys.add(k);
    }
    set({ contactCount: r.value.total, attributeKeys: [...keys].sort() });
  },
  update(patch) {
    // An edit answers the error shown on that field.
    const errors = { ...get().errors };
    for (const key of Object.keys(patch)) {
      const path = FIELD_PATHS[key] ?? key;
      delete errors[path];
      if (key === 'channelMode') {
        delete errors.email;
        delete errors.whatsapp;
      }
    }
    set({ ...patch, errors });
  },
  chooseTemplate(id) {
    const template = get().templates.find((t) => t.id === id);
    const parameters: Record<string, string> = {};
    template?.placeholders.forEach((p, i) => {
      parameters[p.key] = guessParameter(p.name, i === 0);
    });
    const { whatsapp: _w, 'whatsapp.templateId': _t, ...errors } = get().errors;
    set({ templateId: id, parameters, errors });
  },
  setParameter(key, value) {
    const { [`whatsapp.parameters.${key}`]: _gone, ...errors } = get().errors;
    set((s) => ({ parameters: { ...s.parameters, [key]: value }, errors }));
  },
  setTemplates(templates) {
    const { templateId } = get();
    const stillThere = templates.some((t) => t.id === templateId);
    set({ templates, templatesLoaded: true, ...(stillThere ? {} : { templateId: null, parameters: {} }) });
  },
  setErrors(errors) {
    set({ errors });
  },
  reset() {
    set({ ...EMPTY_DRAFT, ...EMPTY_PREVIEW, errors: {} });
    useEmailExtras.getState().resetExtras();
    useWhatsAppExtras.getState().resetExtras();
  },
}));

/** The chosen template, if any. */
export function selectedTemplate(s: ComposerState): WhatsAppTemplate | undefined {
  return s.templates.find((t) => t.id === s.templateId);
}

/**
 * The CampaignDraft to send. For a preview a missing name is filled in, because the name does not
 * change how messages render and the user should not have to name a campaign to see it.
 */
export function buildDraft(s: DraftFields, forPreview = false): RequestInput<'campaigns:create'> {
  const name = s.name.trim() || (forPreview ? 'Preview' : '');
  return {
    name,
    channelMode: s.channelMode,
    audience: s.importId === null ? {} : { importId: s.importId },
    email: modeSendsEmail(s.channelMode)
      ? { subject: s.subject, html: s.html, ...emailDraftExtras() }
      : undefined,
    whatsapp:
      modeSendsWhatsApp(s.channelMode) && s.templateId !== null
        ? { templateId: s.templateId, parameters: s.parameters, ...whatsappDraftExtras() }
        : undefined,
  };
}

/** What still stops the draft from being sent, in words (empty when it can be created). */
export function draftProblems(s: ComposerState): string[] {
  const problems: string[] = [];
  if (!s.name.trim()) problems.push('Give the campaign a name.');
  if (modeSendsEmail(s.channelMode)) {
    if (!s.subject.trim()) problems.push('Write a subject line.');
    if (!s.html.trim()) problems.push('Write the email body.');
  }
  if (modeSendsWhatsApp(s.channelMode)) {
    const t = selectedTemplate(s);
    if (!t) problems.push('Pick an approved WhatsApp template.');
    else if (t.status !== 'APPROVED') problems.push(`The template ${t.name} is ${t.status}, not approved.`);
    else if (t.placeholders.some((p) => !(s.parameters[p.key] ?? '').trim())) {
      problems.push('Fill in every template parameter.');
    }
  }
  return problems;
}
