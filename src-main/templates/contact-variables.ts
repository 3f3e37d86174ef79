import { type CONTACT_FIELDS } from '../contract';

/** The contact fields a template can use, as stored (see `Contact` in the contract). */
export interface ContactForTemplate {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phone: string | null;
  attributes: Record<string, string>;
}

/**
 * The variables a template sees for one contact: `first_name`, `last_name`, `full_name`,
 * `email`, `phone` (E.164), then every imported attribute by its name.
 *
 * Built-in names always win over an attribute of the same name, so a CSV column called
 * `email` cannot change the address a template prints. Missing values are `''`, which the
 * `default` filter and `{% if %}` both treat as empty (see liquid-engine.ts, `jsTruthy`).
 */
export function contactVariables(c: ContactForTemplate): Record<string, string> {
  const firstName = c.firstName?.trim() ?? '';
  const lastName = c.lastName?.trim() ?? '';
  const builtIn: Record<(typeof CONTACT_FIELDS)[number], string> = {
    first_name: firstName,
    last_name: lastName,
    full_name: [firstName, lastName].filter((s) => s !== '').join(' '),
    email: c.email ?? '',
    phone: c.phone ?? '',
  };
  // A null-prototype object: an attribute named `__proto__` stays a plain value.
  const vars: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(c.attributes)) vars[name] = value;
  return Object.assign(vars, builtIn);
}
