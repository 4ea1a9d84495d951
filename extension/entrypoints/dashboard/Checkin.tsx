import { useState } from 'react';
import { Markdown } from '../../components/Markdown';

/** The weekly outcome check-in (seed 000's template filled from data), rendered and copyable. */
export function Checkin({ markdown }: { markdown: string }) {
  const [copied, setCopied] = useState<'copied' | 'failed' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(markdown);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
  };
  return (
    <div data-testid="checkin">
      <div className="row">
        <button type="button" data-testid="copy-checkin" onClick={() => void copy()}>
          Copy as Markdown
        </button>
        <span role="status" className="muted" data-testid="copy-status">
          {copied === 'copied' && 'Copied: paste it where the team meets.'}
          {copied === 'failed' && 'The browser refused the clipboard; select the text below instead.'}
        </span>
      </div>
      <Markdown source={markdown} headingOffset={2} />
    </div>
  );
}
