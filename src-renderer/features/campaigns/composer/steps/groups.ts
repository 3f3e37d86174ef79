import { formatCount } from '../../../../lib/format';

/** Group options ("Customers (1,204)") for a MultiSelect. */
export function groupOptions(groups: { id: number; name: string; contacts: number }[]) {
  return groups.map((g) => ({ value: String(g.id), label: `${g.name} (${formatCount(g.contacts)})` }));
}

/** Ids chosen in a MultiSelect, as numbers. */
export const toIds = (values: string[]) => values.map(Number);
