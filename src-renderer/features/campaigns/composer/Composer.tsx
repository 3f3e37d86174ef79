import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { IconArrowLeft } from '../../../components/icons';
import { useContacts } from '../../contacts/store';
import { modeSendsEmail, modeSendsWhatsApp } from '../labels';
import { useCampaigns } from '../store';
import { ChannelSection } from './ChannelSection';
import { DetailsSection } from './DetailsSection';
import { EmailSection } from './EmailSection';
import { PreviewSection } from './PreviewSection';
import { SendBar } from './SendBar';
import { useComposer } from './store';
import { WhatsAppSection } from './WhatsAppSection';

/** The campaign composer: details, channels, message per channel, preview, then create and send. */
export function Composer() {
  const channelMode = useComposer((s) => s.channelMode);
  const loadFacts = useComposer((s) => s.loadFacts);
  const loadImports = useContacts((s) => s.loadImports);
  const go = useCampaigns((s) => s.go);

  useEffect(() => {
    void loadFacts();
    void loadImports();
  }, [loadFacts, loadImports]);

  return (
    <Stack gap="lg" maw={1000} mx="auto" data-testid="composer">
      <Group gap="sm" align="flex-start">
        <Button
          variant="subtle"
          color="gray"
          px={6}
          aria-label="Back to campaigns"
          onClick={() => go({ view: 'list' })}
        >
          <IconArrowLeft />
        </Button>
        <div>
          <Title order={2}>New campaign</Title>
          <Text c="dimmed" size="sm">
            Personalise with variables like {'{{ first_name }}'}; the preview shows real contacts.
          </Text>
        </div>
      </Group>
      <DetailsSection />
      <ChannelSection />
      {/* Sections follow the order messages go out: WhatsApp first only when email is its fallback. */}
      {channelMode === 'whatsapp_then_email' && <WhatsAppSection />}
      {modeSendsEmail(channelMode) && <EmailSection />}
      {modeSendsWhatsApp(channelMode) && channelMode !== 'whatsapp_then_email' && <WhatsAppSection />}
      <PreviewSection />
      <SendBar />
    </Stack>
  );
}
