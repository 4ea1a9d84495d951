import { type FormEvent, useId, useState } from 'react';
import { FailureNotice } from '../../components/FailureNotice';
import {
  type ApiFailure,
  createApiClient,
  EXPORT_DATASETS,
  EXPORT_FORMATS,
  type ExportDataset,
  type ExportFormat,
  type ReportWindow,
} from '../../lib/api-client';
import { saveTextFile } from '../../lib/save-file';
import type { Connection } from '../../lib/settings';

const DATASET_TEXT: Record<ExportDataset, string> = {
  indicators: 'Indicators (one row per indicator)',
  events: 'Events (every event of the window)',
};
const MIME: Record<ExportFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** Saves what the server exports as a file. */
export function ExportPanel({
  connection,
  teamId,
  window,
}: {
  connection: Connection;
  teamId: string;
  window: ReportWindow;
}) {
  const id = useId();
  const [dataset, setDataset] = useState<ExportDataset>('indicators');
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState('');
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  const download = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setSaved('');
    const result = await createApiClient(connection).exportData(teamId, dataset, format, window);
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    const day = (iso: string | undefined) => iso?.slice(0, 10) ?? '';
    const name = `${teamId}-${dataset}-${day(window.from)}-to-${day(window.to)}.${format}`;
    saveTextFile(name, result.value, MIME[format]);
    setSaved(`Saved ${name}`);
  };

  return (
    <form
      onSubmit={(event) => void download(event)}
      className="export"
      data-testid="export"
      aria-label="Export"
    >
      <div className="row">
        <label htmlFor={`${id}-dataset`}>Data</label>
        <select
          id={`${id}-dataset`}
          data-testid="export-dataset"
          value={dataset}
          onChange={(event) => setDataset(event.target.value as ExportDataset)}
        >
          {EXPORT_DATASETS.map((option) => (
            <option key={option} value={option}>
              {DATASET_TEXT[option]}
            </option>
          ))}
        </select>
        <fieldset className="row inline">
          <legend>Format</legend>
          {EXPORT_FORMATS.map((option) => (
            <label key={option} className="check">
              <input
                type="radio"
                name={`${id}-format`}
                value={option}
                data-testid={`export-format-${option}`}
                checked={format === option}
                onChange={() => setFormat(option)}
              />
              {option.toUpperCase()}
            </label>
          ))}
        </fieldset>
        <button type="submit" className="primary" data-testid="export-download" disabled={busy}>
          Download
        </button>
      </div>
      <p role="status" className="muted" data-testid="export-status">
        {busy ? 'Preparing the file…' : saved}
      </p>
      {failure && <FailureNotice failure={failure} testId="export-error" />}
    </form>
  );
}
