import { useState } from 'react';
import { Markdown } from '../../components/Markdown';
import { copyMarkdown } from '../../components/MarkdownDocument';

/** The weekly outcome check-in (seed 000's template filled from data), rendered and copyable. */
export function Checkin({ markdown }: { markdown: string }) {
  const [status, setStatus] = useState('');
  return (
    <div data-testid="checkin">
      <div className="row">
        <button
          type="button"
          data-testid="copy-checkin"
          onClick={() => void copyMarkdown(markdown).then(setStatus)}
        >
          Copy as Markdown
        </button>
        <span role="status" className="muted" data-testid="copy-status">
          {status}
        </span>
      </div>
      <Markdown source={markdown} headingOffset={2} />
    </div>
  );
}
