import { Alert, Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import type {
  AppErrorShape,
  Result,
  SettingsView,
  WhatsAppAccountInfo,
  WhatsAppSettingsInput,
} from '../../../src-main/contract';
import { api } from '../../lib/api';
import { type FieldErrors, describeError, fieldErrorsOf, notifySuccess } from '../../lib/errors';
import { KEEP_SECRET, type SecretEdit, SecretField, secretChanged, secretInput } from './SecretField';
import { useSettings } from './store';
import { WhatsAppTestResult } from './WhatsAppTestResult';

type PlainFields = Pick<WhatsAppSettingsInput, 'phoneNumberId' | 'wabaId' | 'graphVersion' | 'baseUrl'>;

function plainFrom(view: SettingsView): PlainFields {
  const w = view.whatsapp;
  return {
    phoneNumberId: w.phoneNumberId,
    wabaId: w.wabaId,
    graphVersion: w.graphVersion || 'v24.0',
    baseUrl: w.baseUrl || 'https://graph.facebook.com',
  };
}

/** WhatsApp Cloud API settings, saved with settings:saveWhatsApp and checked with settings:testWhatsApp. */
export function WhatsAppTab({ view }: { view: SettingsView }) {
  const saved = useSettings((s) => s.saved);
  const [fields, setFields] = useState<PlainFields>(() => plainFrom(view));
  const [token, setToken] = useState<SecretEdit>(KEEP_SECRET);
  const [secret, setSecret] = useState<SecretEdit>(KEEP_SECRET);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState<'save' | 'test' | null>(null);
  const [test, setTest] = useState<Result<WhatsAppAccountInfo> | null>(null);

  const initial = plainFrom(view);
  const dirty =
    (Object.keys(fields) as (keyof PlainFields)[]).some((k) => fields[k] !== initial[k]) ||
    secretChanged(token) ||
    secretChanged(secret);

  const field = (key: keyof PlainFields) => ({
    value: fields[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setFields((f) => ({ ...f, [key]: value }));
    },
    error: errors[key],
  });

  /** Saves; returns whether it worked (errors are shown on the fields). */
  async function persist(): Promise<boolean> {
    const r = await api.invoke('settings:saveWhatsApp', {
      ...fields,
      accessToken: secretInput(token),
      appSecret: secretInput(secret),
    });
    if (!r.ok) {
      setErrors(fieldErrorsOf(r.error));
      setFailure(r.error.code === 'invalid_input' ? null : r.error);
      return false;
    }
    setErrors({});
    setFailure(null);
    saved(r.value);
    setFields(plainFrom(r.value));
    setToken(KEEP_SECRET);
    setSecret(KEEP_SECRET);
    return true;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy('save');
    if (await persist()) notifySuccess('WhatsApp settings saved');
    setBusy(null);
  }

  async function runTest() {
    setBusy('test');
    setTest(null);
    // The test reads the stored settings, so unsaved edits are saved first.
    if (!dirty || (await persist())) setTest(await api.invoke('settings:testWhatsApp', {}));
    setBusy(null);
  }

  return (
    <form onSubmit={save}>
      <Stack gap="md">
        <SimpleGrid cols={2}>
          <TextInput
            label="Phone number ID"
            description="WhatsApp Manager → Phone numbers"
            inputMode="numeric"
            {...field('phoneNumberId')}
            data-testid="wa-phone-number-id"
          />
          <TextInput
            label="WhatsApp Business Account ID"
            description="Used to sync message templates"
            inputMode="numeric"
            {...field('wabaId')}
            data-testid="wa-waba-id"
          />
        </SimpleGrid>
        <SecretField
          label="Access token"
          hint="A system user token with whatsapp_business_messaging permission."
          isSet={view.whatsapp.accessTokenSet}
          edit={token}
          onChange={setToken}
          error={errors.accessToken}
          testId="wa-access-token"
        />
        <SecretField
          label="App secret"
          hint="Checks that status updates really come from Meta."
          isSet={view.whatsapp.appSecretSet}
          edit={secret}
          onChange={setSecret}
          error={errors.appSecret}
          testId="wa-app-secret"
        />
        <SimpleGrid cols={2}>
          <TextInput label="Graph API version" {...field('graphVersion')} data-testid="wa-graph-version" />
          <TextInput label="Base URL" {...field('baseUrl')} data-testid="wa-base-url" />
        </SimpleGrid>
        {failure && (
          <Alert color="red" title="Could not save">
            {describeError(failure)}
          </Alert>
        )}
        <WhatsAppTestResult result={test} />
        <Group justify="flex-end">
          <Button
            variant="default"
            onClick={runTest}
            loading={busy === 'test'}
            disabled={busy === 'save'}
            data-testid="wa-test"
          >
            {dirty ? 'Save and test connection' : 'Test connection'}
          </Button>
          <Button type="submit" loading={busy === 'save'} disabled={busy === 'test'} data-testid="wa-save">
            Save
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
