import { Button, PasswordInput } from '@mantine/core';

/** Edit state of a stored secret: typed replacement text, or a request to remove it. */
export interface SecretEdit {
  value: string;
  remove: boolean;
}

/** An untouched secret edit (keeps what is stored). */
export const KEEP_SECRET: SecretEdit = { value: '', remove: false };

/**
 * The wire value for a secret, per the contract's rule: undefined keeps the stored secret, '' removes
 * it, anything else replaces it.
 */
export function secretInput(edit: SecretEdit): string | undefined {
  if (edit.remove) return '';
  return edit.value === '' ? undefined : edit.value;
}

/** Whether the edit would change what is stored. */
export function secretChanged(edit: SecretEdit): boolean {
  return edit.remove || edit.value !== '';
}

interface Props {
  label: string;
  hint: string;
  isSet: boolean;
  edit: SecretEdit;
  onChange: (edit: SecretEdit) => void;
  error?: string;
  testId: string;
}

/** A password field for a keychain secret: never shows the stored value, only whether one exists. */
export function SecretField({ label, hint, isSet, edit, onChange, error, testId }: Props) {
  const description = edit.remove
    ? 'Will be removed from the keychain when you save.'
    : isSet
      ? `${hint} Leave empty to keep the stored value.`
      : hint;
  return (
    <PasswordInput
      label={label}
      description={description}
      placeholder={edit.remove ? 'Will be removed' : isSet ? 'Stored in the keychain' : 'Not set'}
      value={edit.value}
      disabled={edit.remove}
      onChange={(e) => onChange({ value: e.currentTarget.value, remove: false })}
      error={error}
      autoComplete="off"
      data-testid={testId}
      inputContainer={(input) =>
        isSet ? (
          <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
            <div style={{ flex: 1 }}>{input}</div>
            <Button
              variant="subtle"
              color={edit.remove ? 'gray' : 'red'}
              size="compact-sm"
              onClick={() => onChange({ value: '', remove: !edit.remove })}
              data-testid={`${testId}-remove`}
            >
              {edit.remove ? 'Keep' : 'Remove'}
            </Button>
          </div>
        ) : (
          input
        )
      }
    />
  );
}
