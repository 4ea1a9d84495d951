import { useState } from 'react';
import { saveTextFile } from '../lib/save-file';
import { Markdown } from './Markdown';

/** Copies Markdown to the clipboard; resolves to what the status line beside the button says. */
export async function copyMarkdown(markdown: string): Promise<string> {
  try {
    await navigator.clipboard.writeText(markdown);
    return 'Copied: paste it where the team meets.';
  } catch {
    return 'The browser refused the clipboard; select the text below instead.';
  }
}

/**
 * A document the API wrote as Markdown (a monthly or quarterly review): rendered, copyable, and
 * downloadable as the `.md` file a team keeps with its retrospectives.
 */
export function MarkdownDocument({
  markdown,
  fileName,
  testId,
  headingOffset = 2,
}: {
  markdown: string;
  /** Without the extension. */
  fileName: string;
  testId: string;
  headingOffset?: number;
}) {
  const [status, setStatus] = useState('');
  const download = () => {
    saveTextFile(`${fileName}.md`, markdown, 'text/markdown');
    setStatus(`Saved ${fileName}.md`);
  };
  return (
    <div data-testid={testId} className="markdown-document">
      <div className="row">
        <button
          type="button"
          data-testid={`${testId}-copy`}
          onClick={() => void copyMarkdown(markdown).then(setStatus)}
        >
          Copy as Markdown
        </button>
        <button type="button" data-testid={`${testId}-download`} onClick={download}>
          Download .md
        </button>
        <span role="status" className="muted" data-testid={`${testId}-status`}>
          {status}
        </span>
      </div>
      <Markdown source={markdown} headingOffset={headingOffset} />
    </div>
  );
}
