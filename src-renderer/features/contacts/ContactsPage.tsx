import { Stack, Text, Title } from '@mantine/core';
import { AudienceCard } from './AudienceCard';
import { WelcomeCard } from './WelcomeCard';
import { ImportWizard } from './wizard/ImportWizard';

/** The Contacts page: first-run guidance, the import wizard and the audience table. */
export function ContactsPage() {
  return (
    <Stack gap="lg" maw={1400} mx="auto">
      <div>
        <Title order={2}>Contacts</Title>
        <Text c="dimmed" size="sm">
          Everyone a campaign can reach. Import a spreadsheet to add or update contacts.
        </Text>
      </div>
      <WelcomeCard />
      <ImportWizard />
      <AudienceCard />
    </Stack>
  );
}
