/*
 * Innføring: dates in Camunda Forms typed as Norwegians write them (dd.mm.åååå), whatever language the browser has.
 *
 * Tasklist 7.24 draws Camunda Forms with form-js 1.8, whose date field is a flatpickr input with allowInput. form-js
 * takes its format from the JavaScript engine's default locale (Intl.DateTimeFormat('default')) and Tasklist gives
 * it no locale, so a US-English browser reads 01.11.2026 as 11 January, and flatpickr rolls an impossible date
 * (31.02.2027) over into March. This module takes over typed input in every form-js date field:
 *
 * - once flatpickr is attached to a field (input._flatpickr), it is switched to the format d.m.Y, a Norwegian
 *   calendar (month names, Monday first) and the placeholder dd.mm.åååå;
 * - when the field is left or Enter is pressed, the typed text is read strictly here, before flatpickr and form-js
 *   see the event: a real date goes to flatpickr with setDate(date, true), whose onChange hands it to form-js' state
 *   (form-js stores it as yyyy-mm-dd); anything else keeps the typed text, shows a Norwegian message under the
 *   field and blocks completing the task (Tasklist's button and the form's submit) until it is corrected.
 *
 * The server checks the submitted dates again when the task is completed (FormDateCheck): same rule, same range.
 */

/** The plausible range of a project date, also enforced on the server (FormDateCheck). */
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2099;

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

const TEXT = {
  nb: {
    placeholder: 'dd.mm.åååå',
    unreadable: 'Datoen kan ikke leses. Skriv den som dd.mm.åååå, for eksempel 01.11.2026.',
    missing: text => `Datoen ${text} finnes ikke. Skriv en dato som finnes, som dd.mm.åååå.`,
    range: `Datoen må være mellom 01.01.${FIRST_YEAR} og 31.12.${LAST_YEAR}.`,
    blocked: 'Rett datoen som er merket, før du fullfører oppgaven.'
  },
  en: {
    placeholder: 'dd.mm.yyyy',
    unreadable: 'The date cannot be read. Write it as dd.mm.yyyy, for example 01.11.2026 (1 November 2026).',
    missing: text => `The date ${text} does not exist. Write a real date as dd.mm.yyyy.`,
    range: `The date must be between 01.01.${FIRST_YEAR} and 31.12.${LAST_YEAR}.`,
    blocked: 'Correct the marked date before completing the task.'
  }
};

/** flatpickr's calendar in Bokmål: month and day names, weeks from Monday. */
const CALENDAR_NB = {
  weekdays: {
    shorthand: ['søn', 'man', 'tir', 'ons', 'tor', 'fre', 'lør'],
    longhand: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
    longhand: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'desember']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' til ',
  weekAbbreviation: 'Uke',
  scrollTitle: 'Rull for å endre',
  toggleTitle: 'Klikk for å veksle',
  yearAriaLabel: 'År',
  monthAriaLabel: 'Måned',
  time_24hr: true,
  ordinal: () => '.'
};

const CALENDAR_EN_MONDAY = {firstDayOfWeek: 1};

const FIELD = '.fjs-datepicker input';
const INVALID = 'data-innforing-invalid-date';

/**
 * Reads a typed date: dd.mm.åååå (one-digit day and month allowed) or yyyy-mm-dd. Returns {empty: true},
 * {date} (local midnight) or {error} with the message in the given language.
 */
export function readDate(typed, language = 'nb') {
  const text = TEXT[language] || TEXT.nb;
  const trimmed = (typed || '').trim();
  if (!trimmed) {
    return {empty: true};
  }
  let day;
  let month;
  let year;
  let match = DOTTED.exec(trimmed);
  if (match) {
    [day, month, year] = [match[1], match[2], match[3]].map(Number);
  } else if ((match = ISO.exec(trimmed))) {
    [year, month, day] = [match[1], match[2], match[3]].map(Number);
  } else {
    return {error: text.unreadable};
  }
  if (year < FIRST_YEAR || year > LAST_YEAR) {
    return {error: text.range};
  }
  const date = new Date(year, month - 1, day);
  if (month < 1 || month > 12 || date.getFullYear() !== year || date.getMonth() !== month - 1
      || date.getDate() !== day) {
    return {error: text.missing(trimmed)};
  }
  return {date};
}

function fieldOf(input) {
  return input.closest('.fjs-form-field') || input.closest('.fjs-datetime-subsection') || input.parentElement;
}

function showError(input, message) {
  const field = fieldOf(input);
  let error = field.querySelector(':scope > .innforing-date-error');
  if (!error) {
    error = document.createElement('div');
    error.className = 'fjs-form-field-error innforing-date-error';
    error.id = input.id + '-innforing-error';
    error.setAttribute('role', 'alert');
    field.appendChild(error);
  }
  error.textContent = message;
  field.classList.add('fjs-has-errors');
  input.setAttribute(INVALID, 'true');
  input.setAttribute('aria-invalid', 'true');
  const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
  if (!described.includes(error.id)) {
    input.setAttribute('aria-describedby', [...described, error.id].join(' '));
  }
}

function clearError(input) {
  if (!input.hasAttribute(INVALID)) {
    return;
  }
  const field = fieldOf(input);
  const error = field.querySelector(':scope > .innforing-date-error');
  if (error) {
    error.remove();
    const described = (input.getAttribute('aria-describedby') || '').split(' ')
        .filter(id => id && id !== error.id);
    input.setAttribute('aria-describedby', described.join(' '));
  }
  if (!field.querySelector('.fjs-form-field-error')) {
    field.classList.remove('fjs-has-errors');
  }
  input.removeAttribute(INVALID);
  input.removeAttribute('aria-invalid');
}

/** Switches a form-js date field whose flatpickr is ready to the Norwegian format; false while it is not ready. */
function adapt(input, language) {
  const picker = input._flatpickr;
  if (!picker) {
    return false;
  }
  if (input.dataset.innforingDate) {
    return true;
  }
  input.dataset.innforingDate = 'dd.mm.yyyy';
  picker.set({
    dateFormat: 'd.m.Y',
    ariaDateFormat: language === 'nb' ? 'j. F Y' : 'j F Y',
    locale: language === 'nb' ? CALENDAR_NB : CALENDAR_EN_MONDAY
  });
  if (picker.selectedDates.length) {
    picker.setDate(picker.selectedDates, false);
  }
  input.placeholder = TEXT[language].placeholder;
  picker.config.onValueUpdate.push(selected => {
    if (selected.length) {
      clearError(input);
    }
  });
  return true;
}

/**
 * Reads what was typed into a date field and hands a real date to flatpickr (and through it to form-js). Returns
 * false when the text is not a date: the typed text is kept, the calendar closed (so that flatpickr does not read
 * the text its own way) and the message shown.
 */
function take(input, language) {
  const picker = input._flatpickr;
  const typed = input.value;
  const read = readDate(typed, language);
  if (read.date) {
    clearError(input);
    const shown = picker.selectedDates[0];
    if (!shown || shown.getTime() !== read.date.getTime()) {
      picker.setDate(read.date, true);
    } else {
      picker.setDate(read.date, false);
    }
    return true;
  }
  if (read.empty) {
    clearError(input);
    if (picker.selectedDates.length) {
      picker.clear(true);
    }
    return true;
  }
  // The text stays as typed and the field keeps its previous value: completing is blocked while it is wrong.
  picker.close();
  showError(input, read.error);
  return false;
}

function datepickerInput(target) {
  return target instanceof HTMLInputElement && target.matches(FIELD) && target._flatpickr ? target : null;
}

function block(event, language) {
  const invalid = document.querySelector('[' + INVALID + ']');
  if (!invalid) {
    return false;
  }
  event.preventDefault();
  event.stopImmediatePropagation();
  invalid.focus();
  const field = fieldOf(invalid);
  const error = field.querySelector(':scope > .innforing-date-error');
  if (error) {
    // read out again for screen readers
    const message = error.textContent;
    error.textContent = '';
    window.setTimeout(() => {
      error.textContent = message + ' ' + TEXT[language].blocked;
    }, 50);
  }
  return true;
}

/** Takes over typed input in every form-js date field of the page (Tasklist's Camunda Forms). */
export function installDateFields(language) {
  const lang = TEXT[language] ? language : 'nb';
  const adaptAll = () => {
    let pending = false;
    document.querySelectorAll(FIELD).forEach(input => {
      if (!adapt(input, lang)) {
        pending = true;
      }
    });
    if (pending) {
      window.setTimeout(adaptAll, 50);
    }
  };
  new MutationObserver(adaptAll).observe(document.documentElement, {childList: true, subtree: true});
  adaptAll();

  // Capture phase on the document: runs before flatpickr's and form-js' own handlers on the input.
  document.addEventListener('blur', event => {
    const input = datepickerInput(event.target);
    if (!input) {
      return;
    }
    adapt(input, lang);
    const to = event.relatedTarget;
    if (to && input._flatpickr.calendarContainer && input._flatpickr.calendarContainer.contains(to)) {
      return; // a day picked in the calendar: flatpickr sets the value itself
    }
    if (!take(input, lang)) {
      event.stopImmediatePropagation();
      input._flatpickr.close();
    }
  }, true);

  document.addEventListener('keydown', event => {
    const input = datepickerInput(event.target);
    if (!input || event.key !== 'Enter') {
      return;
    }
    adapt(input, lang);
    if (!take(input, lang)) {
      event.preventDefault();
      event.stopImmediatePropagation();
      input._flatpickr.close();
    }
  }, true);

  // A click outside an open calendar makes flatpickr read the text with its own lenient parser (31.02 becomes
  // 03.03): read it first, and close the calendar when the text is not a date, so that flatpickr leaves it alone.
  document.addEventListener('mousedown', event => {
    const input = datepickerInput(document.activeElement);
    const picker = input && input._flatpickr;
    if (!picker || !picker.isOpen || input.contains(event.target)
        || (picker.calendarContainer && picker.calendarContainer.contains(event.target))) {
      return;
    }
    adapt(input, lang);
    take(input, lang);
  }, true);

  // Completing the task (Tasklist's button) or submitting the form is blocked while a date is wrong.
  document.addEventListener('click', event => {
    const button = event.target instanceof Element && event.target.closest('.form-actions button');
    if (button && button.classList.contains('btn-primary')) {
      block(event, lang);
    }
  }, true);
  document.addEventListener('submit', event => {
    if (event.target instanceof Element && event.target.matches('.fjs-form')) {
      block(event, lang);
    }
  }, true);
}
