import type { ColumnField } from '../../../../src-main/contract';

/** How each column field is named in the mapping menu. */
export const FIELD_LABELS: Record<ColumnField, string> = {
  first_name: 'First name',
  last_name: 'Last name',
  full_name: 'Full name (split into first and last)',
  email: 'Email',
  phone: 'Phone (WhatsApp number first, then mobile)',
  language: 'Language',
  company: 'Company',
  email_consent: 'Email consent (yes/no)',
  whatsapp_consent: 'WhatsApp consent (yes/no)',
  email_opt_out: 'Unsubscribed from email (yes/no)',
  whatsapp_opt_out: 'Opted out of WhatsApp (yes/no)',
  preferred_channel: 'Preferred channel (email/WhatsApp)',
  tags: 'Tags',
  attribute: 'Keep as a template field',
  ignore: 'Do not import',
};

/** The menu entries, grouped. */
export const FIELD_GROUPS: { group: string; items: ColumnField[] }[] = [
  {
    group: 'Contact',
    items: ['first_name', 'last_name', 'full_name', 'email', 'phone', 'language', 'company'],
  },
  { group: 'Consent', items: ['email_consent', 'whatsapp_consent', 'email_opt_out', 'whatsapp_opt_out'] },
  { group: 'Other', items: ['preferred_channel', 'tags', 'attribute', 'ignore'] },
];
