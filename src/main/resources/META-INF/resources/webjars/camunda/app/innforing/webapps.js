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

/** Adds the links to the app's own pages and the language switch to the webapp header (again if Angular redraws it). */
export function installHeader() {
  followLoginToTheApp();
  window.addEventListener('hashchange', followLoginToTheApp);
  document.documentElement.lang = language;
  new MutationObserver(addHeaderLinks).observe(document.documentElement, {childList: true, subtree: true});
  addHeaderLinks();
}
