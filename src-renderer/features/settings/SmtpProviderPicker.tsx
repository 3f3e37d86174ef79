import { Alert, Anchor, Select, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { SmtpPreset, SmtpProvider } from '../../../src-main/contract';
import { api } from '../../lib/api';

interface Props {
  value: SmtpProvider;
  /** Called with the chosen preset; the tab copies its host, port, security and limits. */
  onPick: (preset: SmtpPreset) => void;
}

/** Provider presets (email:presets) with the chosen provider's note on app passwords and limits. */
export function SmtpProviderPicker({ value, onPick }: Props) {
  const [presets, setPresets] = useState<SmtpPreset[]>([]);
  useEffect(() => {
    void api.invoke('email:presets', {}).then((r) => r.ok && setPresets(r.value));
  }, []);
  const current = presets.find((p) => p.id === value);
  return (
    <>
      <Select
        label="Provider"
        description="Fills in the server, port and sending limits; you can still change them."
        data={presets.map((p) => ({ value: p.id, label: p.label }))}
        value={presets.length ? value : null}
        onChange={(id) => {
          const p = presets.find((x) => x.id === id);
          if (p) onPick(p);
        }}
        allowDeselect={false}
        data-testid="smtp-provider"
      />
      {current && current.id !== 'custom' && (
        <Alert variant="light" color="blue" p="sm" data-testid="smtp-provider-note">
          <Text size="sm">{current.note}</Text>
          {current.helpUrl && (
            <Anchor size="sm" href={current.helpUrl} target="_blank" rel="noreferrer">
              Provider help page
            </Anchor>
          )}
        </Alert>
      )}
    </>
  );
}
