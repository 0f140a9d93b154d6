/*
 * Innføring: what the four Camunda webapps (Tasklist, Cockpit, Admin, Welcome) share. Each app's scripts/config.js
 * imports this module (config.js is loaded as an ES module, so a relative import works).
 *
 * Language: Bokmål for everyone by default, whatever language the browser asks for. Camunda 7.24 picks the
 * browser's first language when it is in `availableLocales` and otherwise `fallbackLocale`, so listing only the
 * chosen locale makes the choice ours: Bokmål unless the user has chosen English with the switch in the header
 * (or with ?lang=en in the address). The choice is kept in the browser (localStorage) for all four apps.
 */
const STORAGE_KEY = 'innforing.language';
const LANGUAGES = ['nb', 'en'];

function chosenLanguage() {
  try {
    const asked = new URLSearchParams(window.location.search).get('lang');
    if (LANGUAGES.includes(asked)) {
      window.localStorage.setItem(STORAGE_KEY, asked);
    }
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return LANGUAGES.includes(stored) ? stored : 'nb';
  } catch (e) {
    return 'nb';
  }
}

export const language = chosenLanguage();

/** The `locales` entry of a webapp config: only the chosen language, so the browser's language cannot override it. */
export const locales = {availableLocales: [language], fallbackLocale: language};

const TEXT = {
  nb: {
    tasklist: 'Oppgaver', cockpit: 'Cockpit', admin: 'Administrasjon', welcome: 'Startside',
    overview: 'Regional oversikt', benefits: 'Gevinster og risiko',
    switchTo: 'en', switchLabel: 'English', switchTitle: 'Switch the webapps to English'
  },
  en: {
    tasklist: 'Tasklist', cockpit: 'Cockpit', admin: 'Admin', welcome: 'Welcome',
    overview: 'Regional overview', benefits: 'Benefits and risks',
    switchTo: 'nb', switchLabel: 'Norsk (bokmål)', switchTitle: 'Bytt webapplikasjonene til norsk (bokmål)'
  }
};

/** The header and the browser tab read "Innføring <app>". */
export function app(name) {
  return {name: TEXT[language][name], vendor: 'Innføring'};
}

function link(className, href, label, title) {
  const item = document.createElement('li');
  item.className = 'innforing-link ' + className;
  const anchor = document.createElement('a');
  anchor.href = href;
  anchor.textContent = label;
  if (title) {
    anchor.title = title;
  }
  item.appendChild(anchor);
  return item;
}

function addHeaderLinks() {
  const menu = document.querySelector('[cam-widget-header] nav.app-menu > ul');
  if (!menu || menu.querySelector('.innforing-link')) {
    return;
  }
  const text = TEXT[language];
  const switcher = link('innforing-language', '?lang=' + text.switchTo + window.location.hash, text.switchLabel,
      text.switchTitle);
  switcher.firstChild.lang = text.switchTo;
  switcher.firstChild.addEventListener('click', event => {
    event.preventDefault();
    window.localStorage.setItem(STORAGE_KEY, text.switchTo);
    window.location.reload();
  });
  menu.insertBefore(switcher, menu.firstChild);
  menu.insertBefore(link('innforing-benefits', '/benefits', text.benefits), menu.firstChild);
  menu.insertBefore(link('innforing-overview', '/overview', text.overview), menu.firstChild);
}

/*
 * One login: the app's /login is the webapps' login too (the webapps read the app's session), so a webapp never
 * shows a login view of its own. When one would (after its logout, or when the session has ended), the browser
 * loads the webapp anew instead: without a session the server sends it to the app's login page, and back here
 * after logging in. Should the webapp ask for a login again at once (a user without access to it), the app's login
 * page is shown instead of going round in circles.
 */
const LOGIN_REDIRECT_KEY = 'innforing.login-redirect';

function followLoginToTheApp(event) {
  // the address the hash changed to: the webapp may already have moved on by the time this listener runs
  const hash = event && event.newURL ? new URL(event.newURL).hash : window.location.hash;
  if (!hash.startsWith('#/login')) {
    return;
  }
  let last = 0;
  try {
    last = Number(window.sessionStorage.getItem(LOGIN_REDIRECT_KEY) || 0);
    window.sessionStorage.setItem(LOGIN_REDIRECT_KEY, String(Date.now()));
  } catch (e) {
    last = 0;
  }
  window.location.replace(Date.now() - last < 10000 ? '/login' : window.location.pathname);
}

/*
 * Icon-only buttons and links of the webapps that have no name for screen readers (axe-core: button-name, link-name
 * in Tasklist's form view; see the README's accessibility section). Each gets an aria-label; a control that has a
 * tooltip (uib-tooltip) is named by its tooltip.
 */
const UNNAMED = {
  nb: [
    ['button[data-region="filters"]', 'Vis eller skjul filtrene'],
    ['button[data-region="list"]', 'Vis eller skjul oppgavelisten'],
    ['.region-toggle[data-region="task"]', 'Vis eller skjul oppgaven'],
    ['.maximize', 'Vis oppgaven i full bredde'],
    ['.unclaim', 'Frigi oppgaven'],
    ['.reset-due-date', 'Fjern fristen'],
    ['.reset-follow-up-date', 'Fjern oppfølgingsdatoen'],
    ['.app-switch > .dropdown-toggle', 'Bytt webapplikasjon'],
    ['.sort-direction', 'Bytt sorteringsrekkefølge'],
    ['.new-sort > .dropdown-toggle', 'Legg til sortering'],
    ['.instance-link', 'Åpne prosessinstansen i Cockpit'],
    ['.dropdown-toggle[uib-dropdown-toggle]', 'Flere valg']
  ],
  en: [
    ['button[data-region="filters"]', 'Show or hide the filters'],
    ['button[data-region="list"]', 'Show or hide the task list'],
    ['.region-toggle[data-region="task"]', 'Show or hide the task'],
    ['.maximize', 'Show the task in full width'],
    ['.unclaim', 'Unclaim the task'],
    ['.reset-due-date', 'Remove the due date'],
    ['.reset-follow-up-date', 'Remove the follow-up date'],
    ['.app-switch > .dropdown-toggle', 'Switch webapp'],
    ['.sort-direction', 'Switch sort order'],
    ['.new-sort > .dropdown-toggle', 'Add sorting'],
    ['.instance-link', 'Open the process instance in Cockpit'],
    ['.dropdown-toggle[uib-dropdown-toggle]', 'More options']
  ]
};

function name(element, label) {
  element.setAttribute('aria-label', label);
  if (element.tagName === 'A' && !element.hasAttribute('href') && !element.hasAttribute('role')) {
    element.setAttribute('role', 'button'); // an anchor without href has no role that may carry a name
  }
}

function nameUnnamedControls() {
  const unnamed = element => !element.hasAttribute('aria-label') && !element.textContent.trim()
      && !element.querySelector('img[alt]:not([alt=""])');
  document.querySelectorAll('a[uib-tooltip], button[uib-tooltip]').forEach(element => {
    const tooltip = element.getAttribute('uib-tooltip');
    if (unnamed(element) && tooltip && !tooltip.includes('{{')) {
      name(element, tooltip);
    }
  });
  UNNAMED[language].forEach(([selector, label]) => document.querySelectorAll(selector).forEach(element => {
    if (unnamed(element)) {
      name(element, label);
    }
  }));
}

/**
 * Adds the links to the app's own pages and the language switch to the webapp header (again if Angular redraws it),
 * and names icon-only controls for screen readers.
 */
export function installHeader() {
  followLoginToTheApp();
  window.addEventListener('hashchange', followLoginToTheApp);
  document.documentElement.lang = language;
  new MutationObserver(() => {
    addHeaderLinks();
    nameUnnamedControls();
  }).observe(document.documentElement, {childList: true, subtree: true});
  addHeaderLinks();
}

/*
 * Time zone: Camunda's webapps format dates with moment in the browser's own zone, and Camunda 7.24 has no setting to
 * choose one. Dates and deadlines of the project are Europe/Oslo, whoever looks at them (a consultant's laptop on
 * another zone's time included), so every moment that is not explicitly UTC is formatted at Oslo's offset for that
 * instant (summer and winter time from the browser's own time-zone data, Intl). Relative times (*om 3 dager*) do not
 * depend on the zone and are left alone.
 */
export const ZONE = 'Europe/Oslo';

const OSLO = new Intl.DateTimeFormat('en-US', {
  timeZone: ZONE, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric',
  minute: 'numeric', second: 'numeric'
});

/** Oslo's offset from UTC in minutes at the instant {@code millis} (60 in winter, 120 in summer). */
export function osloOffset(millis) {
  const parts = {};
  OSLO.formatToParts(new Date(millis)).forEach(part => {
    parts[part.type] = Number(part.value);
  });
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour % 24, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(millis / 1000) * 1000) / 60000);
}

/*
 * Camunda's own date pickers (Tasklist's follow-up and due date, filter criteria) hand over a date and time without a
 * zone ("2028-03-02T23:59:00", shown to the user as it is written) and read it with moment as the browser's local time
 * before sending it with an offset. A time without a zone is Oslo time here, as every time the webapps show: such a
 * moment stands for that wall-clock time in Oslo.
 */
const WALL_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?$/;

function isOsloWallTime(m) {
  return typeof m._i === 'string' && m._tzm === undefined && WALL_TIME.test(m._i.trim());
}

/** The instant at which Oslo's clock shows the moment's local date and time. */
function osloInstant(m) {
  const wall = Date.UTC(m.year(), m.month(), m.date(), m.hours(), m.minutes(), m.seconds(), m.milliseconds());
  const first = wall - osloOffset(wall) * 60000;
  return wall - osloOffset(first) * 60000;
}

function patchMoment() {
  const angular = window.angular;
  const root = document.querySelector('.ng-scope');
  const injector = angular && root && angular.element(root).injector();
  if (!injector || !injector.has('moment')) {
    return false;
  }
  const moment = injector.get('moment');
  if (!moment.fn.innforingOslo) {
    const format = moment.fn.format;
    moment.fn.format = function (...args) {
      if (this._isUTC || !this.isValid()) {
        return format.apply(this, args);
      }
      const shown = isOsloWallTime(this) ? moment(osloInstant(this)).locale(this.locale()) : this.clone();
      return format.apply(shown.utcOffset(osloOffset(shown.valueOf())), args);
    };
    moment.fn.innforingOslo = true;
  }
  return true;
}

/** Makes the webapp show dates and times in Europe/Oslo time whatever the browser's zone (once Angular has started). */
export function installOsloTime() {
  if (!patchMoment()) {
    window.setTimeout(installOsloTime, 50);
  }
}
