import type { ReactNode } from 'react';
import { Input } from 'antd';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FormField } from './form-field';

type TextInputFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: Path<T>;
  label: string;
  testId: string;
  kind?: 'text' | 'password' | 'textarea';
  required?: boolean;
  autoFocus?: boolean;
  extra?: ReactNode;
  /** Digits, codes and Latin text read left to right even in an Arabic form. */
  ltr?: boolean;
  autoComplete?: string;
};

/** A text input bound to react-hook-form, with its label and error. */
export function TextInputField<T extends FieldValues>(props: TextInputFieldProps<T>) {
  const { control, name, label, testId, kind = 'text', required, autoFocus, extra, ltr, autoComplete } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const common = {
          name: field.name,
          value: typeof field.value === 'string' ? field.value : '',
          onChange: field.onChange,
          onBlur: field.onBlur,
          autoFocus,
          autoComplete,
          status: fieldState.error ? ('error' as const) : undefined,
          'data-testid': testId,
          dir: ltr ? 'ltr' : undefined,
        };
        return (
          <FormField label={label} path={name} error={fieldState.error} required={required} extra={extra}>
            {kind === 'password' ? (
              <Input.Password {...common} ref={field.ref} />
            ) : kind === 'textarea' ? (
              <Input.TextArea {...common} ref={field.ref} autoSize={{ minRows: 2, maxRows: 6 }} />
            ) : (
              <Input {...common} ref={field.ref} />
            )}
          </FormField>
        );
      }}
    />
  );
}
