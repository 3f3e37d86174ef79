import { create } from 'zustand';
import {
  type AppErrorShape,
  type Audience,
  CONTACT_FIELDS,
  type ChannelMode,
  EMPTY_AUDIENCE,
  type RequestOutput,
  type WhatsAppTemplate,
} from '../../../../src-main/contract';
import type { FieldErrors } from '../../../lib/errors';
import { api } from '../../../lib/api';
import { guessParameter, isPlainVariable } from '../../../lib/liquid';
import { useEditorPrefs } from './editorPrefs';
import { useEmailExtras } from './EmailExtrasStore';
import { useWhatsAppExtras } from './WhatsAppExtrasStore';

/** The campaign being composed, as the user edits it. */
export interface DraftFields {
  name: string;
  /** Who the campaign is for (lists, tags, filters, exclusions); the contract's Audience. */
  audience: Audience;
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
  /** The composer step shown, 0-based (Audience, Channels, Content, Review, Send). */
  step: number;
  setStep: (step: number) => void;
  update: (patch: Partial<DraftFields>) => void;
  /** Changes part of the audience (the live count and the lint follow). */
  setAudience: (patch: Partial<Audience>) => void;
  chooseTemplate: (id: number | null) => void;
  setParameter: (key: string, value: string) => void;
  setTemplates: (templates: WhatsAppTemplate[]) => void;
  setErrors: (errors: FieldErrors) => void;
  reset: () => void;
}

/** Number of composer steps. */
export const STEP_COUNT = 5;

/** Draft field → the path the contract's CampaignDraft schema reports errors under. */
const FIELD_PATHS: Record<string, string> = {
  subject: 'email.subject',
  html: 'email.html',
  templateId: 'whatsapp.templateId',
};

const EMPTY_DRAFT: DraftFields = {
  name: '',
  audience: EMPTY_AUDIENCE,
  channelMode: 'email',
  subject: '',
  html: '',
  templateId: null,
  parameters: {},
};

/** The composer store; survives navigating away so a half-written campaign is not lost. */
export const useComposer = create<ComposerState>((set, get) => ({
  ...EMPTY_DRAFT,
  step: 0,
  setStep(step) {
    set({ step: Math.max(0, Math.min(STEP_COUNT - 1, step)) });
  },
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
  setAudience(patch) {
    const { audience: _a, 'audience.importId': _i, ...errors } = get().errors;
    set((s) => ({ audience: { ...s.audience, ...patch }, errors }));
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
    set({ ...EMPTY_DRAFT, step: 0, errors: {} });
    useEmailExtras.getState().resetExtras();
    useWhatsAppExtras.getState().resetExtras();
    useEditorPrefs.getState().setEmailMode(null);
  },
}));

/** The chosen template, if any. */
export function selectedTemplate(
  s: Pick<ComposerState, 'templates' | 'templateId'>,
): WhatsAppTemplate | undefined {
  return s.templates.find((t) => t.id === s.templateId);
}
