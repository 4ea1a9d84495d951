import { type FormEvent, useId, useState } from 'react';
import { customWindowProblem, dateInputValue, PRESET_WEEKS, type WindowChoice } from './window-choice';

const LABEL: Record<(typeof PRESET_WEEKS)[number], string> = {
  4: 'Last 4 weeks',
  8: 'Last 8 weeks',
  13: 'Last quarter (13 weeks)',
  26: 'Last 26 weeks',
};

/** Presets apply at once; custom dates apply with their button, so half-typed dates load nothing. */
export function WindowPicker({
  choice,
  onChange,
}: {
  choice: WindowChoice;
  onChange: (choice: WindowChoice) => void;
}) {
  const id = useId();
  const today = dateInputValue(new Date());
  const [custom, setCustom] = useState(() =>
    'weeks' in choice ? { from: dateInputValue(new Date(Date.now() - 28 * 86_400_000)), to: today } : choice,
  );
  const [isCustom, setIsCustom] = useState(!('weeks' in choice));
  const invalid = customWindowProblem(custom);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onChange(custom);
  };

  return (
    <form className="window-picker row" onSubmit={apply} aria-label="Window" data-testid="window-picker">
      <label htmlFor={`${id}-preset`}>Window</label>
      <select
        id={`${id}-preset`}
        data-testid="window-preset"
        value={isCustom ? 'custom' : String('weeks' in choice ? choice.weeks : '')}
        onChange={(event) => {
          const value = event.target.value;
          setIsCustom(value === 'custom');
          if (value !== 'custom') onChange({ weeks: Number(value) as (typeof PRESET_WEEKS)[number] });
        }}
      >
        {PRESET_WEEKS.map((weeks) => (
          <option key={weeks} value={weeks}>
            {LABEL[weeks]}
          </option>
        ))}
        <option value="custom">Custom dates…</option>
      </select>
      {isCustom && (
        <>
          <label htmlFor={`${id}-from`}>From</label>
          <input
            id={`${id}-from`}
            type="date"
            data-testid="window-from"
            value={custom.from}
            max={today}
            onChange={(event) => setCustom({ ...custom, from: event.target.value })}
          />
          <label htmlFor={`${id}-to`}>To</label>
          <input
            id={`${id}-to`}
            type="date"
            data-testid="window-to"
            value={custom.to}
            max={today}
            onChange={(event) => setCustom({ ...custom, to: event.target.value })}
          />
          <button type="submit" data-testid="window-apply" disabled={invalid !== null}>
            Show
          </button>
          {invalid && (
            <p className="notice problem" role="alert">
              {invalid}
            </p>
          )}
        </>
      )}
    </form>
  );
}
