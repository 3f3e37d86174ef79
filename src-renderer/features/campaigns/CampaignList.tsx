import {
  Alert,
  Badge,
  Button,
  Card,
  Center,
  EmptyState,
  Group,
  Loader,
  Progress,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconPlus, IconSend } from '../../components/icons';
import { CampaignStatusBadge } from '../../components/StatusBadge';
import { describeError } from '../../lib/errors';
import { formatCount, formatDateTime, percent } from '../../lib/format';
import { CHANNEL_MODE_LABEL } from './labels';
import { useCampaigns } from './store';

/** The campaign list: status, progress and creation time; a row opens the campaign view. */
export function CampaignList() {
  const { list, loaded, loading, error, go, load } = useCampaigns();
  const compose = () => go({ view: 'compose' });

  return (
    <Card>
      <Group justify="space-between" mb="md">
        <Title order={4}>All campaigns</Title>
        <Button leftSection={<IconPlus size={16} />} onClick={compose} data-testid="new-campaign">
          New campaign
        </Button>
      </Group>
      {error && (
        <Alert color="red" mb="md" title="Could not load campaigns">
          {describeError(error)}
          <Button mt="xs" size="xs" variant="light" color="red" onClick={() => void load()}>
            Try again
          </Button>
        </Alert>
      )}
      {!loaded && loading && (
        <Center py="xl">
          <Loader />
        </Center>
      )}
      {loaded && list.length === 0 && (
        <EmptyState
          py="xl"
          icon={<IconSend size={26} />}
          withIndicatorBackground
          title="No campaigns yet"
          description="Write one message, pick who gets it and on which channel, preview it for real recipients, then send."
        >
          <EmptyState.Actions>
            <Button onClick={compose}>Create your first campaign</Button>
          </EmptyState.Actions>
        </EmptyState>
      )}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table data-testid="campaigns-table" tabularNums>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Channels</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th w={220}>Progress</Table.Th>
                <Table.Th>Created</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((c) => (
                <Table.Tr
                  key={c.id}
                  className="clickable-row"
                  onClick={() => go({ view: 'campaign', id: c.id })}
                  data-testid="campaign-row"
                >
                  <Table.Td>
                    <UnstyledButton
                      fw={600}
                      onClick={(e) => {
                        e.stopPropagation();
                        go({ view: 'campaign', id: c.id });
                      }}
                    >
                      {c.name}
                    </UnstyledButton>
                  </Table.Td>
                  <Table.Td>{CHANNEL_MODE_LABEL[c.channelMode]}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <CampaignStatusBadge status={c.status} />
                      {c.dryRun && (
                        <Badge size="sm" variant="outline" color="indigo">
                          dry run
                        </Badge>
                      )}
                    </Group>
                    {c.status === 'scheduled' && c.scheduledAt && (
                      <Text size="xs" c="dimmed">
                        {formatDateTime(c.scheduledAt)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Progress value={percent(c.done, c.total)} w={110} size="sm" aria-label="Progress" />
                      <Text size="sm" c="dimmed">
                        {formatCount(c.done)} / {formatCount(c.total)}
                      </Text>
                    </Group>
                  </Table.Td>
                  <Table.Td c="dimmed" fz="sm">
                    {formatDateTime(c.createdAt)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
