import { SimpleGrid, Stack, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import type { SettingsView, WhatsAppSettingsInput } from '../../../src-main/contract';
import { api } from '../../lib/api';
import { SecretField } from './SecretField';
import { SettingsFormFooter, useSettingsForm } from './useSettingsForm';
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
  const form = useSettingsForm({
    view,
    plainFrom,
    secrets: ['accessToken', 'appSecret'] as const,
    save: (fields, secrets) => api.invoke('settings:saveWhatsApp', { ...fields, ...secrets }),
    test: () => api.invoke('settings:testWhatsApp', {}),
    savedMessage: 'WhatsApp settings saved',
  });
  const { fields, setFields, secrets, setSecret, errors } = form;

  const field = (key: keyof PlainFields) => ({
    value: fields[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setFields((f) => ({ ...f, [key]: value }));
    },
    error: errors[key],
  });

  return (
    <form onSubmit={form.submit}>
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
          edit={secrets.accessToken}
          onChange={(e) => setSecret('accessToken', e)}
          error={errors.accessToken}
          testId="wa-access-token"
        />
        <SecretField
          label="App secret"
          hint="Checks that status updates really come from Meta."
          isSet={view.whatsapp.appSecretSet}
          edit={secrets.appSecret}
          onChange={(e) => setSecret('appSecret', e)}
          error={errors.appSecret}
          testId="wa-app-secret"
        />
        <SimpleGrid cols={2}>
          <TextInput label="Graph API version" {...field('graphVersion')} data-testid="wa-graph-version" />
          <TextInput label="Base URL" {...field('baseUrl')} data-testid="wa-base-url" />
        </SimpleGrid>
        <WhatsAppTestResult result={form.test} />
        <SettingsFormFooter form={form} prefix="wa" />
      </Stack>
    </form>
  );
}
