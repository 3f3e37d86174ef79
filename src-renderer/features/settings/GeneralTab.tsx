import { Alert, Button, Group, NativeSelect, Stack } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { AppErrorShape, SettingsView } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { type FieldErrors, describeError, fieldErrorsOf, notifySuccess } from '../../lib/errors';
import { countryOptions } from './countries';
import { useSettings } from './store';

/** General settings: the default country used to read national phone numbers. */
export function GeneralTab({ view }: { view: SettingsView }) {
  const saved = useSettings((s) => s.saved);
  const [country, setCountry] = useState(view.general.defaultCountry);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setSaving(true);
    const r = await api.invoke('settings:saveGeneral', { defaultCountry: country });
    setSaving(false);
    if (r.ok) {
      notifySuccess('Settings saved');
      saved(r.value);
      return;
    }
    setErrors(fieldErrorsOf(r.error));
    setFailure(r.error.code === 'invalid_input' ? null : r.error);
  }

  const options = [{ value: '', label: 'Choose a country…', disabled: true }, ...countryOptions(country)];
  return (
    <form onSubmit={save}>
      <Stack gap="md">
        <NativeSelect
          label="Default country"
          description="Phone numbers written without a country code (such as 0151 2345678) are read as numbers of this country."
          data={options}
          value={country}
          onChange={(e) => setCountry(e.currentTarget.value)}
          error={errors.defaultCountry}
          data-testid="general-country"
        />
        {failure && (
          <Alert color="red" title="Could not save">
            {describeError(failure)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={saving} disabled={!country} data-testid="general-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
