import { Radio, Select } from 'antd';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { FormField } from './form-field';

type Option = { value: string; label: string };

type SelectFieldProps<T extends FieldValues> = {
  control: Control<T>;
  name: Path<T>;
  label: string;
  testId: string;
  options: readonly Option[];
  /** Few options read faster as buttons than as a drop-down. */
  kind?: 'select' | 'radio';
  required?: boolean;
  allowClear?: boolean;
  placeholder?: string;
};

/** A choice bound to react-hook-form; the test id sits on a wrapper so it is the same for both kinds. */
export function SelectField<T extends FieldValues>(props: SelectFieldProps<T>) {
  const { control, name, label, testId, options, kind = 'select', required, allowClear, placeholder } = props;
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const value = typeof field.value === 'string' && field.value !== '' ? field.value : undefined;
        return (
          <FormField label={label} path={name} error={fieldState.error} required={required}>
            <div data-testid={testId}>
              {kind === 'radio' ? (
                <Radio.Group
                  optionType="button"
                  buttonStyle="solid"
                  value={value}
                  onChange={(e) => field.onChange(e.target.value)}
                  options={options.map((o) => ({ value: o.value, label: o.label }))}
                />
              ) : (
                <Select
                  ref={field.ref}
                  showSearch={{ optionFilterProp: 'label' }}
                  value={value}
                  allowClear={allowClear}
                  placeholder={placeholder}
                  aria-label={label}
                  status={fieldState.error ? 'error' : undefined}
                  onChange={(next: string | undefined) => field.onChange(next ?? '')}
                  onBlur={field.onBlur}
                  options={options.map((o) => ({ value: o.value, label: o.label }))}
                  style={{ inlineSize: '100%' }}
                />
              )}
            </div>
          </FormField>
        );
      }}
    />
  );
}
