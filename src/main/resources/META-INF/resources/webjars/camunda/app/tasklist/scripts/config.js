/*
 * Innføring: Tasklist in Bokmål (English on request), named "Innføring Oppgaver", with links to the regional
 * overview, date fields in Camunda Forms typed as dd.mm.åååå (innforing/dates.js) and the forms' validation messages
 * in Bokmål (innforing/form-messages.js). Replaces the webjar's
 * config.js; the keyboard shortcuts are the webjar's, described in Bokmål.
 */
import {app, installHeader, language, locales, installOsloTime} from '../../innforing/webapps.js';
import {installDateFields} from '../../innforing/dates.js';
import {installFormMessages} from '../../innforing/form-messages.js';

installHeader();
installOsloTime();
installDateFields(language);
installFormMessages(language);

export default {
  app: app('tasklist'),
  locales,
  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: 'tar den valgte oppgaven'
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: 'flytter fokus til det første filteret i listen'
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: 'flytter fokus til den første oppgaven i listen'
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: 'flytter fokus til det første feltet i oppgaveskjemaet'
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: 'åpner dialogen for å starte en prosess'
    }
  }
};
