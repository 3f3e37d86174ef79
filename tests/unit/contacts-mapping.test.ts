import { describe, expect, it } from 'vitest';
import { attributeKey, guessMapping, headerToken, planColumns } from '../../src-main/contacts/mapping';

describe('guessMapping', () => {
  it.each([
    ['first_name', ['First Name', 'first_name', 'FIRSTNAME', 'Given Name', 'Vorname', 'Prénom', 'Nombre']],
    [
      'last_name',
      ['Last Name', 'last-name', 'Surname', 'Nachname', 'Nom', 'Apellido', 'Apellido(s)', 'Apellidos'],
    ],
    ['full_name', ['Name', 'Full Name', 'full_name']],
    ['email', ['Email', 'E-mail', 'E-mail Address', 'Email Address', 'E-Mail', 'EMAIL_ADDRESS', ' email ']],
    [
      'phone',
      [
        'Phone',
        'Mobile',
        'Mobile Phone',
        'WhatsApp',
        'Telefon',
        'Mobil',
        'Téléphone',
        'Teléfono',
        'Celular',
        'Telefone',
      ],
    ],
    ['language', ['Language', 'Sprache', 'Langue', 'Idioma']],
  ])('maps to %s: %j', (field, headers) => {
    for (const header of headers) expect(guessMapping([header]), header).toEqual({ [header]: field });
  });

  it('maps a typical export and keeps the original headers as keys', () => {
    expect(
      guessMapping(['First Name', 'Last Name', 'E-mail Address', 'Mobile Phone', 'Company Name']),
    ).toEqual({
      'First Name': 'first_name',
      'Last Name': 'last_name',
      'E-mail Address': 'email',
      'Mobile Phone': 'phone',
      'Company Name': 'attribute',
    });
  });

  it('picks one phone column: WhatsApp first, then mobile, then any other; the rest become attributes', () => {
    expect(guessMapping(['Phone', 'Mobile', 'WhatsApp Number'])).toEqual({
      Phone: 'attribute',
      Mobile: 'attribute',
      'WhatsApp Number': 'phone',
    });
    expect(guessMapping(['Telefon', 'Handy'])).toEqual({ Telefon: 'attribute', Handy: 'phone' });
    expect(guessMapping(['Home Phone', 'Phone', 'Work Phone'])).toEqual({
      'Home Phone': 'attribute',
      Phone: 'phone',
      'Work Phone': 'attribute',
    });
    expect(guessMapping(['Phone', 'Telephone'])).toEqual({ Phone: 'phone', Telephone: 'attribute' });
  });

  it('gives each field to the first column that names it', () => {
    expect(guessMapping(['Email', 'E-mail', 'Name', 'Vorname'])).toEqual({
      Email: 'email',
      'E-mail': 'attribute',
      Name: 'full_name',
      Vorname: 'first_name',
    });
  });
});

describe('planColumns attribute keys', () => {
  it('uses template-friendly lower snake case keys', () => {
    const plan = planColumns([
      'Email',
      'Company Name',
      'Société',
      'Date of Birth (DD/MM)',
      '2024 Sales',
      '',
      '顧客',
    ]);
    expect(plan.map((c) => [c.header, c.field, c.key])).toEqual([
      ['Email', 'email', 'email'],
      ['Company Name', 'attribute', 'company_name'],
      ['Société', 'attribute', 'societe'],
      ['Date of Birth (DD/MM)', 'attribute', 'date_of_birth_dd_mm'],
      ['2024 Sales', 'attribute', 'col_2024_sales'],
      ['', 'attribute', 'column_6'],
      ['顧客', 'attribute', 'column_7'],
    ]);
  });

  it('never lets an attribute shadow a contact field or another attribute', () => {
    const plan = planColumns([
      'WhatsApp',
      'Phone',
      'Email',
      'E-Mail',
      'Company',
      'company',
      'Full Name',
      'Name',
    ]);
    expect(plan.map((c) => c.key)).toEqual([
      'phone',
      'phone_2',
      'email',
      'e_mail',
      'company',
      'company_2',
      'full_name',
      'name',
    ]);
    expect(plan.filter((c) => c.field !== 'attribute').map((c) => c.header)).toEqual([
      'WhatsApp',
      'Email',
      'Full Name',
    ]);
  });

  it('normalises headers for matching and keys', () => {
    expect(headerToken(' E-Mail Adresse ')).toBe('emailadresse');
    expect(headerToken('Apellido(s)')).toBe('apellidos');
    expect(attributeKey('  VIP? ', 0)).toBe('vip');
    expect(attributeKey('---', 2)).toBe('column_3');
  });
});
