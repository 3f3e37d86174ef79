import { Button, Group, Stack, Text, ThemeIcon } from '@mantine/core';
import { type DragEvent, useEffect, useRef, useState } from 'react';
import { IconUpload } from '../../components/icons';

interface Props {
  disabled: boolean;
  onFile: (file: File) => void;
}

function hasFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer.types).includes('Files');
}

/** A drop target for one CSV or Excel file, with a "Choose file" button backed by a hidden file input. */
export function DropZone({ disabled, onFile }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [active, setActive] = useState(false);

  // A file dropped outside the zone would otherwise make the window navigate to it.
  useEffect(() => {
    const block = (e: globalThis.DragEvent) => e.preventDefault();
    window.addEventListener('dragover', block);
    window.addEventListener('drop', block);
    return () => {
      window.removeEventListener('dragover', block);
      window.removeEventListener('drop', block);
    };
  }, []);

  function over(e: DragEvent<HTMLDivElement>) {
    if (!hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = disabled ? 'none' : 'copy';
    if (!disabled) setActive(true);
  }

  function leave(e: DragEvent<HTMLDivElement>) {
    if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false);
  }

  function drop(e: DragEvent<HTMLDivElement>) {
    e.preventDefault();
    setActive(false);
    const file = e.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  }

  return (
    <div
      className="drop-zone"
      data-active={active}
      data-testid="import-drop-zone"
      onDragEnter={over}
      onDragOver={over}
      onDragLeave={leave}
      onDrop={drop}
    >
      <Stack align="center" gap="xs" py="xl" px="md">
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconUpload size={22} />
        </ThemeIcon>
        <Text fw={600}>Drop a CSV or Excel file here</Text>
        <Text size="sm" c="dimmed" ta="center" maw={460}>
          The first row holds the column names. Columns such as name, email and phone are recognised
          automatically in English, German, French, Spanish and Portuguese; other columns are kept as template
          fields.
        </Text>
        <Group mt="xs">
          <Button
            variant="light"
            onClick={() => input.current?.click()}
            disabled={disabled}
            data-testid="import-choose"
          >
            Choose file
          </Button>
        </Group>
        <input
          ref={input}
          type="file"
          accept=".csv,.tsv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          hidden
          aria-label="CSV or Excel file to import"
          data-testid="import-file-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            // Clear so choosing the same file again still fires a change.
            e.currentTarget.value = '';
            if (file) onFile(file);
          }}
        />
      </Stack>
    </div>
  );
}
