/**
 * The widgets' own code, built apart from the content scripts (`entrypoints/<widget>-widget.ts`):
 * a content script runs on every page of its host, most of which show no widget, so it stays
 * small and asks the background to run the widget's script in its frame when a page needs it.
 */
export const WIDGET_SCRIPTS = ['github', 'jira', 'calendar', 'calendar-ui'] as const;
export type WidgetScript = (typeof WIDGET_SCRIPTS)[number];

/** The files WXT builds from each widget's entrypoint: the script, and the stylesheet it imports. */
export const widgetFiles = (widget: WidgetScript) =>
  ({
    script: `/${widget}-widget.js`,
    stylesheet: `/assets/${widget}-widget.css`,
  }) as const;
