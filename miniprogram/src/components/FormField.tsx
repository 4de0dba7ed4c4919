import { Text } from '@tarojs/components';
import { Cell, Input } from '@nutui/nutui-react-taro';

/** A labelled one-line input of the mini program's forms (NutUI Cell + Input). */
export function TextField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  password?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <Cell className="text-field" align="center">
      <Text className="text-field-label">{props.label}</Text>
      <Input
        className="text-field-input"
        type={props.password ? 'password' : 'text'}
        placeholder={props.placeholder}
        value={props.value}
        clearable
        onChange={props.onChange}
        onConfirm={props.onConfirm ? () => props.onConfirm!() : undefined}
      />
    </Cell>
  );
}

/** The form's error line, shown only when there is a message. */
export function FieldError({ error }: { error: string }) {
  return error ? (
    <Cell className="field-error">
      <Text className="error-text">{error}</Text>
    </Cell>
  ) : null;
}
