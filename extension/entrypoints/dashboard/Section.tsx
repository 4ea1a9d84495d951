import { type ReactNode, useId } from 'react';

/** A titled part of the dashboard, named by its heading for screen readers. */
export function Section({
  title,
  id,
  children,
  testId,
}: {
  title: string;
  id?: string;
  children: ReactNode;
  testId?: string;
}) {
  const titleId = useId();
  return (
    <section id={id} aria-labelledby={titleId} data-testid={testId}>
      <h2 id={titleId}>{title}</h2>
      {children}
    </section>
  );
}
