import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MEETING_CATEGORIES, type MeetingCategory } from '../../../shared/vocabulary';
import { formatTarget, formatValue, STATUS_TEXT } from '../../ui/format';
import { computeAudit } from './audit';
import type { CalendarEngine, VisibleMeeting } from './calendar-engine';
import { DeliveryNote, formatDay, formatMeetingTime, useBusy, useCalendar } from './calendar-ui';
import { CATEGORY_TEXT } from './category-text';
import './calendar.css';

/**
 * The meeting audit of the week on screen, behind a button on the calendar (audit-launcher.ts):
 * hours, hours by category, the cross-team share against its target and the "meeting hell" line,
 * and the untagged meetings with their suggestions, to accept all at once or tag in bulk.
 */

export interface AuditPanelRoot {
  show(): void;
  hide(): void;
  unmount(): void;
}

interface AuditPanelProps {
  id: string;
  engine: CalendarEngine;
  onClose: () => void;
}

/** The panel's React root in `container`: shown while the launcher is open, unmounted when it closes. */
export function auditPanelRoot(container: HTMLElement, props: AuditPanelProps): AuditPanelRoot {
  const root = createRoot(container);
  return {
    show: () => root.render(<AuditPanel {...props} />),
    hide: () => root.render(null),
    unmount: () => root.unmount(),
  };
}

const hours = (value: number) => formatValue(Math.round(value * 10) / 10, 'hours');

function AuditPanel({ id, engine, onClose }: AuditPanelProps) {
  const snapshot = useCalendar(engine);
  const audit = useMemo(() => computeAudit(snapshot.meetings), [snapshot.meetings]);
  const heading = useRef<HTMLHeadingElement>(null);
  const [busy, run] = useBusy();
  useEffect(() => heading.current?.focus(), []);

  const counted = snapshot.meetings.filter((meeting) => meeting.counted);
  const first = counted.reduce<string | null>((min, { start }) => (!min || start < min ? start : min), null);
  const last = counted.reduce<string | null>((max, { start }) => (!max || start > max ? start : max), null);
  const status = STATUS_TEXT[audit.status];
  const suggested = audit.untagged.filter((meeting) => meeting.suggestion);

  return (
    <section
      id={id}
      className="aa-cal-panel"
      role="dialog"
      aria-labelledby={`${id}-title`}
      aria-busy={busy}
      data-testid="aa-audit"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="aa-cal-panel-header">
        <h2 id={`${id}-title`} ref={heading} tabIndex={-1}>
          Meeting audit
          {first && last && (
            <span className="aa-muted">
              {' '}
              · {formatDay(first)}
              {formatDay(first) !== formatDay(last) && ` – ${formatDay(last)}`}
            </span>
          )}
        </h2>
        <button type="button" className="aa-button" aria-label="Close the meeting audit" onClick={onClose}>
          ×
        </button>
      </header>

      <dl className="aa-cal-figures">
        <dt>Meeting time</dt>
        <dd data-testid="aa-audit-total">
          {hours(audit.totalHours)} in {audit.meetingCount}{' '}
          {audit.meetingCount === 1 ? 'meeting' : 'meetings'}
        </dd>
        <dt>Tagged</dt>
        <dd data-testid="aa-audit-tagged">{hours(audit.taggedHours)}</dd>
        <dt>Untagged</dt>
        <dd data-testid="aa-audit-untagged">{hours(audit.untaggedHours)}</dd>
      </dl>

      <CrossTeamShare audit={audit} statusText={`${status.icon} ${status.text}`} />

      <table className="aa-cal-categories" data-testid="aa-audit-categories">
        <caption>Hours by category (tagged)</caption>
        <tbody>
          {MEETING_CATEGORIES.map((category) => (
            <tr key={category} data-category={category}>
              <th scope="row">{CATEGORY_TEXT[category].long}</th>
              <td>{hours(audit.hoursByCategory[category])}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <UntaggedMeetings
        meetings={audit.untagged}
        busy={busy}
        onTag={(meetingIds, category) => run(() => engine.tag(meetingIds, category))}
      />
      {suggested.length > 0 && (
        <button
          type="button"
          className="aa-button aa-primary"
          data-testid="aa-accept-all"
          disabled={busy}
          onClick={() => run(() => engine.acceptSuggestions(suggested.map((meeting) => meeting.meetingId)))}
        >
          Accept all suggestions ({suggested.length})
        </button>
      )}
      <DeliveryNote snapshot={snapshot} />
    </section>
  );
}

function CrossTeamShare({
  audit,
  statusText,
}: {
  audit: ReturnType<typeof computeAudit>;
  statusText: string;
}) {
  const { crossTeamShare, projectedShare, target } = audit;
  const percent = (value: number) => `${Math.min(100, Math.round(value * 100))}%`;
  return (
    <div className="aa-cal-share" data-testid="aa-audit-share" data-status={audit.status}>
      <p>
        <strong>Cross-team coordination: </strong>
        <span data-testid="aa-audit-share-value">{formatValue(crossTeamShare, 'ratio')}</span> of tagged time
        · target {formatTarget(target, 'ratio')} · <span data-testid="aa-audit-status">{statusText}</span>
      </p>
      {/* The figures above say it all; the bar is for the eye. */}
      <div className="aa-cal-bar" aria-hidden="true">
        {crossTeamShare !== null && (
          <div className="aa-cal-bar-fill" style={{ width: percent(crossTeamShare) }} />
        )}
        {target.max !== undefined && (
          <div className="aa-cal-bar-mark" style={{ left: percent(target.max) }} />
        )}
        {target.alertAbove !== undefined && (
          <div className="aa-cal-bar-mark aa-cal-bar-alert" style={{ left: percent(target.alertAbove) }} />
        )}
      </div>
      {target.alertAbove !== undefined && (
        <p className="aa-muted">
          Above {formatValue(target.alertAbove, 'ratio')} is “meeting hell” (Coordination Overload).
          {projectedShare !== null && projectedShare !== crossTeamShare && (
            <span data-testid="aa-audit-projected">
              {' '}
              With all suggestions: {formatValue(projectedShare, 'ratio')}.
            </span>
          )}
        </p>
      )}
    </div>
  );
}

function UntaggedMeetings(props: {
  meetings: VisibleMeeting[];
  busy: boolean;
  onTag: (meetingIds: string[], category: MeetingCategory) => void;
}) {
  const id = useId();
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [bulkCategory, setBulkCategory] = useState<MeetingCategory>('cross_team_coordination');
  const shown = new Set(props.meetings.map((meeting) => meeting.meetingId));
  const chosen = [...selected].filter((meetingId) => shown.has(meetingId));
  const toggle = (meetingId: string, on: boolean) =>
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(meetingId);
      else next.delete(meetingId);
      return next;
    });

  if (props.meetings.length === 0) {
    return (
      <p className="aa-muted" data-testid="aa-audit-all-tagged">
        Every meeting on screen is tagged.
      </p>
    );
  }
  return (
    <fieldset className="aa-cal-untagged" data-testid="aa-audit-untagged-list">
      <legend>Untagged meetings ({props.meetings.length})</legend>
      <ul>
        {props.meetings.map((meeting) => (
          <li key={meeting.meetingId} data-testid="aa-untagged-meeting" data-meeting={meeting.meetingId}>
            <label className="aa-check">
              <input
                type="checkbox"
                checked={selected.has(meeting.meetingId)}
                onChange={(event) => toggle(meeting.meetingId, event.target.checked)}
              />
              <span className="aa-cal-title">{meeting.title || 'Untitled'}</span>
            </label>
            <span className="aa-muted"> {formatMeetingTime(meeting.start, meeting.end)}</span>
            <select
              aria-label={`Category for ${meeting.title || 'this meeting'}`}
              value=""
              disabled={props.busy}
              data-testid="aa-untagged-category"
              onChange={(event) => props.onTag([meeting.meetingId], event.target.value as MeetingCategory)}
            >
              <option value="" disabled>
                {meeting.suggestion ? `Suggested: ${CATEGORY_TEXT[meeting.suggestion].long}` : 'Choose…'}
              </option>
              {MEETING_CATEGORIES.map((category) => (
                <option key={category} value={category}>
                  {CATEGORY_TEXT[category].long}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      <div className="aa-actions">
        <label htmlFor={`${id}-bulk`}>Tag selected as</label>
        <select
          id={`${id}-bulk`}
          value={bulkCategory}
          data-testid="aa-bulk-category"
          onChange={(event) => setBulkCategory(event.target.value as MeetingCategory)}
        >
          {MEETING_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {CATEGORY_TEXT[category].long}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="aa-button"
          data-testid="aa-bulk-apply"
          disabled={props.busy || chosen.length === 0}
          onClick={() => {
            props.onTag(chosen, bulkCategory);
            setSelected(new Set());
          }}
        >
          Tag {chosen.length} selected
        </button>
      </div>
    </fieldset>
  );
}
