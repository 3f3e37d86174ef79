import { describe, expect, it } from 'vitest';
import {
  attributeKey,
  guessFields,
  guessMapping,
  headerToken,
  planColumns,
  planFromFields,
} from '../../src-main/contacts/mapping';

const fieldsOf = (headers: string[]) =>
  Object.fromEntries(headers.map((h, i) => [h, guessFields(headers)[i]]));

describe('guessFields: single headers', () => {
  it.each([
    [
      'first_name',
      ['First Name', 'first_name', 'FIRSTNAME', 'Given Name', 'Vorname', 'Prénom', 'Primeiro nome'],
    ],
    [
      'last_name',
      ['Last Name', 'Surname', 'Family Name', 'Nachname', 'Nom', 'Apellidos', 'Sobrenome', 'Apelido'],
    ],
    ['full_name', ['Name', 'Full Name', 'Display Name', 'Nombre completo', 'Nome completo']],
    [
      'email',
      [
        'Email',
        'E-mail',
        'E-mail Address',
        'E-mail 2 Address',
        'E-mail 1 - Value',
        'E-Mail-Adresse',
        'Courriel',
        'Adresse e-mail',
        'Correo electrónico',
        'Endereço de e-mail',
      ],
    ],
    [
      'phone',
      [
        'Phone',
        'Mobile',
        'Mobile Phone',
        'WhatsApp',
        'WhatsApp Phone Number',
        'Phone 1 - Value',
        'Telefon',
        'Mobil',
        'Handy',
        'Téléphone',
        'Portable',
        'Teléfono',
        'Móvil',
        'Celular',
        'Telefone',
        'Telemóvel',
        'Business Phone',
      ],
    ],
    ['language', ['Language', 'Preferred language', 'Sprache', 'Langue', 'Idioma']],
    [
      'company',
      [
        'Company',
        'Company Name',
        'Organization Name',
        'Organization 1 - Name',
        'Firma',
        'Société',
        'Empresa',
      ],
    ],
    [
      'email_consent',
      ['Email consent', 'Newsletter', 'E-Mail Einwilligung', 'Consentement email', 'Email opt-in'],
    ],
    ['whatsapp_consent', ['WhatsApp opt-in', 'WhatsApp consent', 'Einwilligung WhatsApp']],
    ['email_opt_out', ['Unsubscribed from all email', 'Email opt-out', 'Abgemeldet']],
    ['tags', ['Tags', 'TAGS', 'Labels']],
    [
      'attribute',
      [
        'E-mail 1 - Label',
        'Phone 1 - Type',
        'Business Fax',
        'Pager',
        'E-mail Display Name',
        'OPTIN_TIME',
        'City',
        'Record ID',
      ],
    ],
  ])('%s: %j', (field, headers) => {
    for (const header of headers) expect(guessFields([header])[0], header).toBe(field);
  });
});

describe('guessFields: real exports', () => {
  it('Google Contacts', () => {
    const headers = [
      'First Name',
      'Middle Name',
      'Last Name',
      'Labels',
      'E-mail 1 - Label',
      'E-mail 1 - Value',
      'E-mail 2 - Value',
      'Phone 1 - Label',
      'Phone 1 - Value',
      'Organization Name',
    ];
    expect(fieldsOf(headers)).toEqual({
      'First Name': 'first_name',
      'Middle Name': 'attribute',
      'Last Name': 'last_name',
      Labels: 'tags',
      'E-mail 1 - Label': 'attribute',
      'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email',
      'Phone 1 - Label': 'attribute',
      'Phone 1 - Value': 'phone',
      'Organization Name': 'company',
    });
  });

  it('Outlook, Mailchimp and HubSpot', () => {
    expect(
      guessFields([
        'First Name',
        'Last Name',
        'E-mail Address',
        'Home Phone',
        'Mobile Phone',
        'Business Fax',
        'Company',
      ]),
    ).toEqual(['first_name', 'last_name', 'email', 'phone', 'phone', 'attribute', 'company']);
    expect(
      guessFields([
        'Email Address',
        'First Name',
        'Last Name',
        'Phone Number',
        'MEMBER_RATING',
        'OPTIN_TIME',
        'TAGS',
      ]),
    ).toEqual(['email', 'first_name', 'last_name', 'phone', 'attribute', 'attribute', 'tags']);
    expect(
      guessFields([
        'Record ID',
        'First Name',
        'Last Name',
        'Email',
        'Phone Number',
        'Mobile Phone Number',
        'WhatsApp Phone Number',
        'Preferred language',
        'Unsubscribed from all email',
      ]),
    ).toEqual([
      'attribute',
      'first_name',
      'last_name',
      'email',
      'phone',
      'phone',
      'phone',
      'language',
      'email_opt_out',
    ]);
  });

  it('German, French, Spanish and Portuguese Excel headers', () => {
    expect(guessFields(['Vorname', 'Nachname', 'E-Mail', 'Mobil', 'Telefon', 'Firma'])).toEqual([
      'first_name',
      'last_name',
      'email',
      'phone',
      'phone',
      'company',
    ]);
    expect(guessFields(['Prénom', 'Nom', 'Courriel', 'Portable', 'Société', 'Langue'])).toEqual([
      'first_name',
      'last_name',
      'email',
      'phone',
      'company',
      'language',
    ]);
    expect(guessFields(['Nombre', 'Apellidos', 'Correo electrónico', 'Móvil', 'Empresa'])).toEqual([
      'first_name',
      'last_name',
      'email',
      'phone',
      'company',
    ]);
    expect(guessFields(['Nome', 'Sobrenome', 'E-mail', 'Celular', 'Telefone'])).toEqual([
      'first_name',
      'last_name',
      'email',
      'phone',
      'phone',
    ]);
    // Without a last-name column, "Nombre"/"Nome" is the whole name.
    expect(guessFields(['Nome', 'E-mail'])).toEqual(['full_name', 'email']);
  });
});

describe('planFromFields', () => {
  it('ranks phone columns: WhatsApp first, then mobile, then others, each in column order', () => {
    const plan = planColumns(['Home Phone', 'Mobile', 'WhatsApp', 'Business Phone']);
    const order = plan.filter((c) => c.field === 'phone').sort((a, b) => a.rank - b.rank);
    expect(order.map((c) => c.header)).toEqual(['WhatsApp', 'Mobile', 'Home Phone', 'Business Phone']);
  });

  it('gives single fields to the first column, keeps others as unique template keys', () => {
    const plan = planFromFields(
      ['Name', 'First', 'First', 'Company', 'Company', 'Phone', ''],
      ['full_name', 'first_name', 'first_name', 'company', 'company', 'attribute', 'ignore'],
    );
    expect(plan.map((c) => [c.field, c.key])).toEqual([
      ['full_name', 'full_name'],
      ['first_name', 'first_name'],
      ['attribute', 'first'],
      ['company', 'company'],
      ['attribute', 'company_2'],
      ['attribute', 'phone_2'],
      ['ignore', 'ignore'],
    ]);
  });

  it('keeps the original headers as mapping keys', () => {
    expect(guessMapping(['First Name', 'E-mail Address', 'Mobile Phone', 'Company Name'])).toEqual({
      'First Name': 'first_name',
      'E-mail Address': 'email',
      'Mobile Phone': 'phone',
      'Company Name': 'company',
    });
  });
});

describe('headerToken and attributeKey', () => {
  it('normalise headers for matching and for template keys', () => {
    expect(headerToken(' E-Mail Adresse ')).toBe('emailadresse');
    expect(headerToken('Téléphone')).toBe('telephone');
    expect(attributeKey('Company Name', 0)).toBe('company_name');
    expect(attributeKey('Société', 0)).toBe('societe');
    expect(attributeKey('2024 Spend', 0)).toBe('col_2024_spend');
    expect(attributeKey('***', 4)).toBe('column_5');
  });
});
