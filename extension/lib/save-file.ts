/**
 * Saves text the page already holds as a file, through a Blob URL: the token never goes into a
 * link, and nothing is fetched again.
 */
export function saveTextFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // The download has started from the URL by the next task; then it may go.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
