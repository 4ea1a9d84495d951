import { useId } from 'react';

/** A 0–10 answer on a range input, with its label, its value and a hint. */
export function ScoreSlider({
  label,
  hint,
  value,
  onChange,
  testId,
}: {
  label: string;
  hint: string;
  value: number;
  onChange: (value: number) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <div className="slider">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={10}
        step={1}
        value={value}
        data-testid={testId}
        aria-describedby={`${id}-hint`}
        aria-valuetext={`${value} of 10`}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <output htmlFor={id} aria-hidden="true">
        {value}
      </output>
      <p id={`${id}-hint`} className="muted">
        {hint}
      </p>
    </div>
  );
}
