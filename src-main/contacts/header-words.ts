import type { ColumnField } from '../contract';

/**
 * Header vocabulary for column guessing, as tokens (lower case, no accents, no punctuation; see
 * `headerToken`). Sources: the CSV exports of Google Contacts ("E-mail 1 - Value", "Phone 1 - Value",
 * "Organization Name", "Labels"), Outlook ("E-mail Address", "E-mail 2 Address", "Mobile Phone",
 * "Business Phone"), Mailchimp ("Email Address", "Phone Number", "TAGS"), HubSpot ("WhatsApp Phone
 * Number", "Mobile Phone Number", "Preferred language", "Unsubscribed from all email"), and the usual
 * German, French, Spanish and Portuguese Excel headers.
 */
const WORDS: Partial<Record<ColumnField | 'first_or_full', readonly string[]>> = {
  first_name: [
    'firstname',
    'first',
    'givenname',
    'forename',
    'vorname',
    'prenom',
    'primeironome',
    'nombrepila',
  ],
  first_or_full: ['nombre', 'nome'],
  last_name: [
    'lastname',
    'last',
    'surname',
    'familyname',
    'nachname',
    'familienname',
    'nom',
    'nomdefamille',
    'apellido',
    'apellidos',
    'sobrenome',
    'apelido',
    'ultimonome',
  ],
  full_name: [
    'name',
    'fullname',
    'displayname',
    'contactname',
    'contact',
    'nomcomplet',
    'nombrecompleto',
    'nomecompleto',
    'vollstandigername',
  ],
  language: ['language', 'lang', 'preferredlanguage', 'locale', 'sprache', 'langue', 'idioma', 'lingua'],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'organizationname',
    'organization1name',
    'org',
    'firma',
    'firmenname',
    'unternehmen',
    'societe',
    'entreprise',
    'empresa',
    'compania',
    'companhia',
  ],
  tags: ['tags', 'tag', 'labels', 'groupmembership', 'schlagworter', 'etiquetas', 'etiquettes'],
  preferred_channel: [
    'preferredchannel',
    'channel',
    'contactpreference',
    'preferredcontactmethod',
    'contactmethod',
    'canal',
    'canalpreferido',
    'canalprefere',
    'kanal',
    'bevorzugterkanal',
  ],
};

/** Email headers: "Email", "E-mail Address", "E-mail 2 Address", "E-mail 1 - Value", "E-Mail-Adresse", … */
const EMAIL =
  /^(e?mail|emailadresse|mailadresse|courriel|adressemail|adresseemail|adresseelectronique|correo|correoelectronico|emailadres|enderecodeemail|enderecoeletronico)\d*(address|adresse|value|valor)?\d*$/;

/** Mobile-phone words; a WhatsApp header outranks them and they outrank every other phone. */
const MOBILE = /(mobil|cell|handy|celular|movil|portable|telemovel|smartphone)/;
const PHONE = /(phone|telefon|telephone|telefono|telefone|^tel$|^tel\d|numerodetel|whatsapp|^fon$|rufnummer)/;
/** Phone-like headers that are not numbers to message, or that describe a number rather than hold it. */
const NOT_PHONE = /(fax|pager|tty|type|label|typ|etiqueta|tipo|ext$|extension)/;

const CONSENT = new Set([
  'consent',
  'optin',
  'optedin',
  'subscribed',
  'subscription',
  'einwilligung',
  'zustimmung',
  'consentement',
  'consentimiento',
  'consentimento',
  'acceptsmarketing',
  'permission',
]);
const OPT_OUT = new Set([
  'optout',
  'optedout',
  'unsubscribed',
  'unsubscribedfromall',
  'abgemeldet',
  'abmeldung',
  'desabonne',
  'desinscrito',
  'descadastrado',
]);

function consentField(token: string): ColumnField | null {
  const whatsapp = token.includes('whatsapp');
  const rest = token.replace(/whatsapp|emails?|mail|marketing|newsletter|status|all|from/g, '');
  if (CONSENT.has(rest) || (rest === '' && /newsletter|marketing/.test(token)))
    return whatsapp ? 'whatsapp_consent' : 'email_consent';
  if (OPT_OUT.has(rest)) return whatsapp ? 'whatsapp_opt_out' : 'email_opt_out';
  return null;
}

/** 0 for a WhatsApp number, 1 for a mobile, 2 for any other phone column, null when not a phone column. */
export function phoneRank(token: string): number | null {
  if (NOT_PHONE.test(token) || !(PHONE.test(token) || MOBILE.test(token))) return null;
  if (token.includes('whatsapp')) return 0;
  return MOBILE.test(token) ? 1 : 2;
}

/**
 * The field a header token names, `first_or_full` for "Nombre"/"Nome" (decided by the other
 * columns), or null (an attribute).
 */
export function fieldOfHeader(token: string): ColumnField | 'first_or_full' | null {
  const consent = consentField(token);
  if (consent) return consent;
  if (EMAIL.test(token)) return 'email';
  if (phoneRank(token) !== null) return 'phone';
  for (const [field, words] of Object.entries(WORDS)) {
    if (words.includes(token)) return field as ColumnField | 'first_or_full';
  }
  return null;
}
