import type { ApiFailure } from '../lib/api-failure';

/** A failure as the API client words it: what is wrong, then how to fix it. */
export function FailureNotice({
  failure,
  testId,
}: {
  failure: Pick<ApiFailure, 'message' | 'fix'> & { kind?: string; code?: string };
  testId: string;
}) {
  return (
    <div
      className="notice problem"
      role="alert"
      data-testid={testId}
      data-kind={failure.kind ?? failure.code}
    >
      <p>{failure.message}</p>
      <p>{failure.fix}</p>
    </div>
  );
}
