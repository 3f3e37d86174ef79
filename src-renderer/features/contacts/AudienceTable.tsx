import { ActionIcon, Badge, Checkbox, Group, Skeleton, Table, Text, Tooltip } from '@mantine/core';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { AudienceContact } from '../../../src-main/contract';
import { formatDateTime } from '../../lib/format';
import { rowAt, useAudience } from './audienceStore';

const ROW_HEIGHT = 48;

function name(c: AudienceContact): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}

function Consent({ value, label }: { value: string | null; label: string }) {
  if (!value) return null;
  return (
    <Badge size="xs" variant="light" color={value === 'granted' ? 'teal' : 'red'} tt="none">
      {label} {value === 'granted' ? 'yes' : 'no'}
    </Badge>
  );
}

function Row({ c, onEdit }: { c: AudienceContact; onEdit: (c: AudienceContact) => void }) {
  const selected = useAudience((s) => s.allMatching || s.selected.has(c.id));
  const toggle = useAudience((s) => s.toggle);
  return (
    <Table.Tr data-testid="contact-row" data-selected={selected || undefined} style={{ height: ROW_HEIGHT }}>
      <Table.Td w={40}>
        <Checkbox
          aria-label={`Select ${name(c) || c.email || c.phone}`}
          checked={selected}
          onChange={() => toggle(c.id)}
        />
      </Table.Td>
      <Table.Td>
        {name(c) || (
          <Text span c="dimmed">
            No name
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text span size="sm" truncate>
            {c.email ?? '—'}
          </Text>
          {c.suppressedEmail && (
            <Badge size="xs" color="red" variant="filled">
              suppressed
            </Badge>
          )}
          <Consent value={c.emailConsent} label="consent" />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <Text span size="sm" ff="monospace">
            {c.phone ?? '—'}
          </Text>
          {c.phoneType === 'FIXED_LINE' && (
            <Tooltip label="A fixed line: unlikely to have WhatsApp">
              <Badge size="xs" color="gray" variant="light">
                landline
              </Badge>
            </Tooltip>
          )}
          {c.suppressedWhatsApp && (
            <Badge size="xs" color="red" variant="filled">
              suppressed
            </Badge>
          )}
          <Consent value={c.whatsappConsent} label="WA" />
        </Group>
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          {c.lists.map((l) => (
            <Badge key={`l-${l}`} size="xs" variant="outline" tt="none">
              {l}
            </Badge>
          ))}
          {c.tags.map((t) => (
            <Badge key={`t-${t}`} size="xs" variant="light" color="grape" tt="none">
              #{t}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td c="dimmed" fz="xs">
        {formatDateTime(c.createdAt)}
      </Table.Td>
      <Table.Td w={50}>
        <ActionIcon
          variant="subtle"
          aria-label="Edit contact"
          onClick={() => onEdit(c)}
          data-testid="contact-edit"
        >
          ✎
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
}

/**
 * The contacts table, virtualised (@tanstack/react-virtual): only the rows in view are in the DOM and
 * their pages are fetched on demand (keyset, or offset after a jump), so a million contacts scroll
 * smoothly.
 */
export function AudienceTable({ onEdit }: { onEdit: (c: AudienceContact) => void }) {
  const { total, pages, ensure } = useAudience();
  const parent = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualiser is read during render by design
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => parent.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensure(first, last);
  }, [first, last, total, pages, ensure]);
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items[items.length - 1]?.end ?? 0);
  return (
    <div ref={parent} style={{ height: 560, overflow: 'auto' }} data-testid="contacts-scroll">
      <Table data-testid="contacts-table" stickyHeader tabularNums layout="fixed" miw={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40} />
            <Table.Th w="18%">Name</Table.Th>
            <Table.Th w="26%">Email</Table.Th>
            <Table.Th w="22%">Phone</Table.Th>
            <Table.Th>Lists and tags</Table.Th>
            <Table.Th w={150}>Added</Table.Th>
            <Table.Th w={50} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden />}
          {items.map((v) => {
            const c = rowAt(pages, v.index);
            return c ? (
              <Row key={c.id} c={c} onEdit={onEdit} />
            ) : (
              <Table.Tr key={`p-${v.index}`} style={{ height: ROW_HEIGHT }}>
                <Table.Td colSpan={7}>
                  <Skeleton height={12} />
                </Table.Td>
              </Table.Tr>
            );
          })}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden />}
        </Table.Tbody>
      </Table>
    </div>
  );
}
