import { type ReactNode, useState } from 'react';
import { MEETING_CATEGORIES } from '../../../shared/vocabulary';
import { reactView } from '../../ui/react-view';
import type { CalendarEngine } from './calendar-engine';
import type { HostPopover } from './calendar-host';
import { DeliveryNote, useBusy, useCalendar } from './calendar-ui';
import { CATEGORY_TEXT } from './category-text';
import './calendar.css';

/** The tag control at full size, in the host's event details popover. */

/**
 * The control as its widget draws it, keyed: choices made for one event (the series box) do not
 * carry over to the next. Loaded when a popover first opens.
 */
export const tagControlView = (engine: CalendarEngine) =>
  reactView<HostPopover>((open) => (
    <MeetingTagControl key={open.chipKey} engine={engine} chipKey={open.chipKey} />
  ));

export function MeetingTagControl({ engine, chipKey }: { engine: CalendarEngine; chipKey: string }) {
  const snapshot = useCalendar(engine);
  const [busy, run] = useBusy();
  const [wholeSeries, setWholeSeries] = useState(false);
  const meeting = snapshot.meetings.find((candidate) => candidate.chipKey === chipKey);
  // Not read from the grid yet (a frame away), or not shown in it.
  if (!meeting) return null;

  const section = (children: ReactNode) => (
    <section
      className="aa-cal aa-cal-control"
      aria-label="Aligned Autonomy meeting category"
      aria-busy={busy}
      data-testid="aa-meeting-control"
      data-meeting={meeting.meetingId}
    >
      {children}
    </section>
  );

  if (!meeting.counted) {
    return section(
      <p className="aa-muted" data-testid="aa-not-counted">
        {meeting.declined ? 'Declined' : 'All-day or untimed'}: not counted as meeting time.
      </p>,
    );
  }

  const { category, suggestion } = meeting;
  let status = 'Not tagged: choose a category.';
  if (category) {
    status = `Tagged: ${CATEGORY_TEXT[category].long}.`;
  } else if (suggestion) {
    status = `Suggested: ${CATEGORY_TEXT[suggestion].long}. Not counted until you confirm.`;
  }

  return section(
    <>
      <fieldset className="aa-cal-choices">
        <legend className="aa-cal-status" data-testid="aa-meeting-status">
          {status}
        </legend>
        {MEETING_CATEGORIES.map((option) => (
          <button
            key={option}
            type="button"
            className={option === suggestion ? 'aa-button aa-suggested' : 'aa-button'}
            aria-pressed={option === category}
            data-testid={`aa-category-${option}`}
            disabled={busy}
            onClick={() => run(() => engine.tag([meeting.meetingId], option, { series: wholeSeries }))}
          >
            {CATEGORY_TEXT[option].long}
            {option === suggestion && ' (suggested)'}
          </button>
        ))}
      </fieldset>
      <div className="aa-actions">
        {meeting.seriesKey !== null && (
          <label className="aa-check">
            <input
              type="checkbox"
              checked={wholeSeries}
              data-testid="aa-whole-series"
              onChange={(event) => setWholeSeries(event.target.checked)}
            />
            Every meeting of this series
          </label>
        )}
        {category && (
          <button
            type="button"
            className="aa-button"
            data-testid="aa-untag"
            disabled={busy}
            onClick={() => run(() => engine.untag(meeting.meetingId))}
          >
            Remove tag
          </button>
        )}
      </div>
      <DeliveryNote snapshot={snapshot} />
    </>,
  );
}
