import type { FormEvent, ReactNode } from 'react';

interface WidgetFormProps {
  testId: string;
  label?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onCancel: () => void;
  /** The one button that records what the form says. */
  submit: { label: string; testId: string; disabled: boolean };
  children: ReactNode;
}

/** A widget's inline form: its fields, then one button that records; Escape or Cancel closes it. */
export function WidgetForm({ testId, label, onSubmit, onCancel, submit, children }: WidgetFormProps) {
  return (
    <form
      className="aa-form"
      aria-label={label}
      data-testid={testId}
      onSubmit={onSubmit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      {children}
      <div className="aa-actions">
        <button
          type="submit"
          className="aa-button aa-primary"
          data-testid={submit.testId}
          disabled={submit.disabled}
        >
          {submit.label}
        </button>
        <button type="button" className="aa-button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
