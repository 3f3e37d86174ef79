import {
  Alert,
  Button,
  Card,
  Checkbox,
  Grid,
  Group,
  NativeSelect,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useEffect } from 'react';
import type { WhatsAppTemplate } from '../../../../src-main/contract';
import { TemplateBubble } from '../../../components/ChatBubble';
import { IconChat, IconRefresh } from '../../../components/icons';
import { describeError } from '../../../lib/errors';
import { useSettings } from '../../settings/store';
import { selectedTemplate, useComposer } from './store';
import { TemplateParams } from './TemplateParams';
import { useWhatsAppExtras } from './WhatsAppExtrasStore';
import { WhatsAppRecipientPreview } from './WhatsAppRecipientPreview';

function optionLabel(t: WhatsAppTemplate): string {
  const base = `${t.name} · ${t.language} · ${t.category}`;
  return t.status === 'APPROVED' ? base : `${base} (${t.status})`;
}

/** WhatsApp template choice: sync from Meta, pick an approved template, fill its parameters. */
export function WhatsAppSection() {
  const state = useComposer();
  const { templates, templatesLoaded, templateId, errors, chooseTemplate } = state;
  const { templatesError: error, templatesSyncing: syncing, templatesSynced: synced } = state;
  const { loadTemplates, syncTemplates, dismissTemplatesError } = state;
  const template = selectedTemplate(state);
  const openSettings = useSettings((s) => s.open);
  const languageFromContact = useWhatsAppExtras((s) => s.languageFromContact);
  const setExtras = useWhatsAppExtras((s) => s.setExtras);
  const translations = template
    ? templates.filter((t) => t.name === template.name && t.status === 'APPROVED').map((t) => t.language)
    : [];

  useEffect(() => {
    if (!templatesLoaded) void loadTemplates();
  }, [templatesLoaded, loadTemplates]);

  const options = [
    { value: '', label: templates.length ? 'Choose a template…' : 'No templates yet: sync them first' },
    ...templates.map((t) => ({
      value: String(t.id),
      label: optionLabel(t),
      disabled: t.status !== 'APPROVED',
    })),
  ];

  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Group gap="xs">
          <ThemeIcon variant="light" size="md" color="green">
            <IconChat size={16} />
          </ThemeIcon>
          <Title order={4}>WhatsApp</Title>
        </Group>
        <Group gap="sm">
          {synced && (
            <Text size="sm" c="dimmed" data-testid="templates-sync-result">
              Synced {synced.synced} templates, {synced.approved} approved
            </Text>
          )}
          <Button
            variant="default"
            size="xs"
            leftSection={<IconRefresh size={14} />}
            onClick={() => void syncTemplates()}
            loading={syncing}
            data-testid="templates-sync"
          >
            Sync templates
          </Button>
        </Group>
      </Group>
      {error && (
        <Alert
          color="red"
          mb="md"
          title="Templates could not be loaded"
          withCloseButton
          onClose={dismissTemplatesError}
        >
          {describeError(error)}
          {error.code === 'not_configured' && (
            <Button size="xs" mt="xs" variant="light" color="red" onClick={() => openSettings('whatsapp')}>
              Open WhatsApp settings
            </Button>
          )}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: template ? 7 : 12 }}>
          <Stack gap="md">
            <NativeSelect
              label="Template"
              description="Only templates Meta approved can be sent. Business-initiated WhatsApp messages must use one."
              data={options}
              value={templateId === null ? '' : String(templateId)}
              onChange={(e) => chooseTemplate(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
              error={errors['whatsapp.templateId'] ?? errors.whatsapp}
              withAsterisk
              data-testid="template-select"
            />
            {template && translations.length > 1 && (
              <Checkbox
                label={`Use each contact's language (${translations.join(', ')}); others get ${template.language}`}
                checked={languageFromContact}
                onChange={(e) => setExtras({ languageFromContact: e.currentTarget.checked })}
                data-testid="wa-language-from-contact"
              />
            )}
            {template && <TemplateParams placeholders={template.placeholders} buttons={template.buttons} />}
          </Stack>
        </Grid.Col>
        {template && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Text fw={600} size="sm" mb={6}>
              Template
            </Text>
            <TemplateBubble template={template} data-testid="template-preview" />
            <Text fw={600} size="sm" mt="md" mb={6}>
              For a recipient
            </Text>
            <WhatsAppRecipientPreview />
          </Grid.Col>
        )}
      </Grid>
    </Card>
  );
}
