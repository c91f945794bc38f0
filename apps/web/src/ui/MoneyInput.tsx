import { groupMoneyInput } from '@jxt/domain';
import { Input, type InputProps, type InputRef } from 'antd';
import { useLayoutEffect, useRef, type ChangeEvent } from 'react';

export interface MoneyInputProps extends Omit<InputProps, 'value' | 'onChange'> {
  /** The text as the draft holds it (grouped, or as typed when it is not an amount). */
  value: string;
  onChange: (text: string) => void;
}

/**
 * An amount of yuan, shown with thousands separators while it is typed (`18,963,662.79`): each
 * keystroke's text goes through `groupMoneyInput` (libs/domain, pure text, never a float) and the
 * caret is put back after the same digit. What is not an amount stays as typed, for the checks to name.
 */
export function MoneyInput({ value, onChange, ...rest }: MoneyInputProps) {
  const ref = useRef<InputRef>(null);
  const caret = useRef<number | null>(null);

  // After React wrote the grouped text, put the caret where the digit it followed now is.
  useLayoutEffect(() => {
    const input = ref.current?.input;
    if (caret.current === null || !input) return;
    if (input.ownerDocument.activeElement === input) input.setSelectionRange(caret.current, caret.current);
    caret.current = null;
  });

  const handleChange = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.target;
    const inputType = (event.nativeEvent as InputEvent).inputType ?? '';
    const deletion = inputType.startsWith('delete')
      ? { previous: value, direction: inputType.endsWith('Forward') ? ('forward' as const) : ('backward' as const) }
      : undefined;
    const next = groupMoneyInput(input.value, input.selectionStart ?? input.value.length, deletion);
    caret.current = next.caret;
    onChange(next.text);
  };

  return <Input {...rest} ref={ref} value={value} onChange={handleChange} inputMode="decimal" autoComplete="off" />;
}
