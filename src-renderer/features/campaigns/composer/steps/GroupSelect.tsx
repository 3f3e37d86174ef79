import { MultiSelect } from '@mantine/core';
import type { GroupSummary } from '../../../../../src-main/contract';
import { formatCount } from '../../../../lib/format';
import { useComposer } from '../store';

/** The audience fields that hold list or tag ids. */
type GroupField = 'listIds' | 'tagIds' | 'excludeListIds' | 'excludeTagIds';

/**
 * A MultiSelect of lists or tags ("Customers (1,204)") bound to one id field of the draft's audience.
 */
export function GroupSelect(props: {
  field: GroupField;
  groups: GroupSummary[];
  label: string;
  placeholder: string;
  testId: string;
}) {
  const ids = useComposer((s) => s.audience[props.field]);
  const setAudience = useComposer((s) => s.setAudience);
  return (
    <MultiSelect
      label={props.label}
      placeholder={props.placeholder}
      data={props.groups.map((g) => ({
        value: String(g.id),
        label: `${g.name} (${formatCount(g.contacts)})`,
      }))}
      value={ids.map(String)}
      onChange={(v) => setAudience({ [props.field]: v.map(Number) })}
      searchable
      clearable
      data-testid={props.testId}
    />
  );
}
