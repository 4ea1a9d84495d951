import { useId } from 'react';

/** What a decision or experiment is about: optional, an issue key or a pull request (see `subjectFromInput`). */
export function AboutField({
  value,
  onChange,
  testId,
}: {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>About (optional)</label>
      <input
        id={id}
        type="text"
        data-testid={testId}
        value={value}
        placeholder="PAY-12 or a pull request URL"
        onChange={(event) => onChange(event.target.value)}
      />
    </>
  );
}

export const ABOUT_INVALID = '“About” takes a Jira issue key (PAY-12) or a GitHub pull request URL.';
