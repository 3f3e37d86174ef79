import { Alert, Card, Stepper, Text, Title } from '@mantine/core';
import { IconAlert } from '../../../components/icons';
import { describeError } from '../../../lib/errors';
import { DropZone } from '../DropZone';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { ProgressStep } from './ProgressStep';
import { ResultStep } from './ResultStep';
import { type WizardStep, useWizard } from './store';
import { SummaryStep } from './SummaryStep';

const ACTIVE: Record<WizardStep, number> = {
  pick: 0,
  uploading: 0,
  preview: 1,
  mapping: 2,
  analysing: 3,
  summary: 3,
  importing: 4,
  result: 5,
};

/**
 * The import wizard: drop or pick a file → preview (encoding, separator) → column mapping → a checked
 * summary before writing → import with progress and Cancel → result with the problems report.
 */
export function ImportWizard() {
  const { step, file, error, pick, dismissError } = useWizard();
  return (
    <Card>
      <Title order={4} mb="xs">
        Import contacts
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        CSV or Excel files from Excel, Outlook, Google Contacts, Mailchimp or your CRM, any size. Contacts
        already in Herald (same email or phone) are recognised, not duplicated.
      </Text>
      <Stepper active={ACTIVE[step]} size="xs" mb="lg" allowNextStepsSelect={false}>
        <Stepper.Step label="File" />
        <Stepper.Step label="Preview" />
        <Stepper.Step label="Columns" />
        <Stepper.Step label="Check" />
        <Stepper.Step label="Import" />
      </Stepper>
      {error && (
        <Alert
          mb="md"
          color="red"
          icon={<IconAlert />}
          title={`Could not import ${file?.name ?? 'the file'}`}
          withCloseButton
          onClose={dismissError}
          data-testid="import-error"
        >
          {describeError(error)}
        </Alert>
      )}
      {step === 'pick' && <DropZone disabled={false} onFile={(f) => void pick(f)} />}
      {(step === 'uploading' || step === 'analysing' || step === 'importing') && <ProgressStep />}
      {step === 'preview' && <PreviewStep />}
      {step === 'mapping' && <MappingStep />}
      {step === 'summary' && <SummaryStep />}
      {step === 'result' && <ResultStep />}
    </Card>
  );
}
