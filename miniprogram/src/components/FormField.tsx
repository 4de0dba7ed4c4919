import { Input, Text, View } from '@tarojs/components';

/** A labelled one-line input of the mini program's forms. */
export function TextField(props: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  password?: boolean;
  onConfirm?: () => void;
}) {
  return (
    <View className="field">
      <Text className="field-label">{props.label}</Text>
      <Input
        className="input"
        placeholder={props.placeholder}
        password={props.password}
        value={props.value}
        onInput={(e) => props.onChange(e.detail.value)}
        onConfirm={props.onConfirm}
      />
    </View>
  );
}

/** The form's error line, shown only when there is a message. */
export function FieldError({ error }: { error: string }) {
  return error ? (
    <View className="field">
      <Text className="error-text">{error}</Text>
    </View>
  ) : null;
}
