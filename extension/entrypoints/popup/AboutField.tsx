import { useId, useState } from 'react';
import { subjectFromInput } from '../../lib/subjects';

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

/** An optional "About" field on its own: its text, and whether the last submit could not read it. */
export function useAbout() {
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState(false);
  /** The subject to send: undefined when the field is empty, null (and the problem shown) when unreadable. */
  const subject = (): string | null | undefined => {
    const parsed = value.trim() ? subjectFromInput(value) : undefined;
    setInvalid(parsed === null);
    return parsed;
  };
  return { value, setValue, invalid, subject };
}

/** The field of `useAbout`, with its problem under it; test ids `<testId>-about` and `<testId>-invalid`. */
export function CheckedAboutField({ about, testId }: { about: ReturnType<typeof useAbout>; testId: string }) {
  return (
    <>
      <AboutField value={about.value} onChange={about.setValue} testId={`${testId}-about`} />
      {about.invalid && (
        <p className="notice problem" role="alert" data-testid={`${testId}-invalid`}>
          {ABOUT_INVALID}
        </p>
      )}
    </>
  );
}
