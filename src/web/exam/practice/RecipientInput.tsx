import { useId, useState } from 'react';
import { completeEntry, type DirectoryEntry, suggestRecipients } from './recipients';

interface Props {
  label: string;
  value: string;
  onChange: (value: string) => void;
  directory: DirectoryEntry[];
  /** Addresses never suggested (the candidate's own). */
  exclude: string[];
  disabled?: boolean;
}

/**
 * A recipient field: addresses separated by commas, typed freely or picked from the directory by name
 * or address (arrows move, Enter or a click picks, Escape closes the list).
 */
export function RecipientInput({ label, value, onChange, directory, exclude, disabled }: Props) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const list = open ? suggestRecipients(value, directory, exclude) : [];
  const current = Math.min(active, list.length - 1);
  const pick = (entry: DirectoryEntry) => {
    onChange(completeEntry(value, entry.email));
    setOpen(false);
  };
  return (
    <div className="field recipient">
      <label htmlFor={id}>{label}</label>
      <div className="combo">
        <input
          id={id}
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={list.length > 0}
          aria-controls={`${id}-list`}
          aria-activedescendant={list.length > 0 ? `${id}-o${current}` : undefined}
          autoComplete="off"
          spellCheck={false}
          value={value}
          disabled={disabled}
          onChange={(e) => {
            onChange(e.target.value);
            setOpen(true);
            setActive(0);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(e) => {
            if (list.length === 0) return;
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : list.length - 1;
              setActive((current + step) % list.length);
            } else if (e.key === 'Enter') {
              e.preventDefault();
              pick(list[current]!);
            } else if (e.key === 'Escape') {
              // Closes the list, not the dialog around it.
              e.preventDefault();
              e.stopPropagation();
              setOpen(false);
            }
          }}
        />
        {list.length > 0 && (
          <div role="listbox" id={`${id}-list`} aria-label="Gợi ý từ danh bạ" className="suggest">
            {list.map((d, i) => (
              <div
                key={d.key}
                tabIndex={-1}
                id={`${id}-o${i}`}
                role="option"
                aria-selected={i === current}
                onMouseDown={(e) => {
                  e.preventDefault();
                  pick(d);
                }}
              >
                <span className="s-name">{d.name}</span> <span className="s-mail">&lt;{d.email}&gt;</span>
                {d.position && <span className="s-pos">{d.position}</span>}
              </div>
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
