import { Stack, Text, Title } from '@mantine/core';
import { ContactsTable } from './ContactsTable';
import { ImportPanel } from './ImportPanel';
import { WelcomeCard } from './WelcomeCard';

/** The Contacts page: first-run guidance, CSV import and the contacts table. */
export function ContactsPage() {
  return (
    <Stack gap="lg" maw={1200} mx="auto">
      <div>
        <Title order={2}>Contacts</Title>
        <Text c="dimmed" size="sm">
          Everyone a campaign can reach. Import a spreadsheet to add or update contacts.
        </Text>
      </div>
      <WelcomeCard />
      <ImportPanel />
      <ContactsTable />
    </Stack>
  );
}
