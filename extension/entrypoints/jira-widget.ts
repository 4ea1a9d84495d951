import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideView } from '../ui/widget-loader';
import { jiraView } from './jira.content/view';

/** The Jira widget's code, run by the background where the content script shows a widget. */
export default defineUnlistedScript(() => provideView('jira', jiraView));
