import type { ReactNode } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import type { ApiResult } from '../../lib/api-client';

/** A section's body once its answer is in: "Loading…", the failure in words, or the content. */
export function Loaded<T>({
  result,
  testId,
  children,
}: {
  result: ApiResult<T> | null;
  testId: string;
  children: (value: T) => ReactNode;
}) {
  if (!result) return <p className="muted">Loading…</p>;
  if (!result.ok) return <FailureNotice failure={result.failure} testId={`${testId}-error`} />;
  return <>{children(result.value)}</>;
}
