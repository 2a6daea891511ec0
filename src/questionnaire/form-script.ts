// The HTML questionnaire's one script, kept as a plain browser script in
// ./form.js (linted as one) and inlined by the build: html.ts embeds it with
// the questions' rules (`var D = ...`, generated from the model) in front, and
// the page's Content-Security-Policy allows exactly that text by its sha256. It
// shows or hides questions that apply only under another answer, checks every
// answer with the model's rules and messages, numbers list items, and "Save"
// downloads the answers file (Blob + download link): nothing is ever sent.
// Plain ES2017, no library, no request.
import { trusted, type Script } from '../report/html-template';
import FORM_JS from './form.js?raw';

/** The script body; `D` (the rules and file name) is declared before it. */
export const FORM_SCRIPT: Script = trusted.script(FORM_JS);
