import { SearchOutlined } from '@ant-design/icons';
import { Form, Input } from 'antd';
import { useState } from 'react';
import { useDebouncedCallback } from './useDebouncedCallback';

interface Props {
  id: string;
  label: string;
  placeholder: string;
  /** The search in force (from the URL or the page); the box follows it when it changes elsewhere. */
  value: string | undefined;
  /** Called with the trimmed text once typing pauses, on Enter, or when cleared. */
  onSearch: (q: string | undefined) => void;
  debounceMs?: number;
}

/** A labelled search box of a list's filter bar: searches as one types, Enter searches at once. */
export function SearchBox({ id, label, placeholder, value, onSearch, debounceMs = 350 }: Props) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value);
  // The search changed from outside (back button, "clear filters"): show it.
  if (value !== shown) {
    setShown(value);
    if ((value ?? '') !== text.trim()) setText(value ?? '');
  }
  const push = (q: string) => {
    if ((value ?? '') !== q) onSearch(q || undefined);
  };
  const pushLater = useDebouncedCallback(push, debounceMs);

  return (
    <Form.Item label={label} htmlFor={id}>
      <Input
        id={id}
        type="search"
        allowClear
        prefix={<SearchOutlined aria-hidden />}
        placeholder={placeholder}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          pushLater(e.target.value.trim());
        }}
        onPressEnter={() => push(text.trim())}
      />
    </Form.Item>
  );
}
