import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { provideView } from '../ui/widget-loader';
import { githubView } from './github.content/view';

/** The GitHub widget's code, run by the background where the content script shows a widget. */
export default defineUnlistedScript(() => provideView('github', githubView));
