/*
 * Camunda Forms' own validation messages in Bokmål. form-js 1.8 (in Tasklist 7.24) writes them in English with no
 * way to translate them ("Field is required.", "Field must have minimum value of 0."); each message under a field is
 * rewritten as it appears. English stays when the user has switched the webapps to English.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => 'Feltet må fylles ut.'],
  [/^Field must have minimum length of (.+)\.$/, n => `Feltet må ha minst ${n} tegn.`],
  [/^Field must have maximum length of (.+)\.$/, n => `Feltet kan ha høyst ${n} tegn.`],
  [/^Field must have minimum value of (.+)\.$/, n => `Verdien må være minst ${n}.`],
  [/^Field must have maximum value of (.+)\.$/, n => `Verdien kan være høyst ${n}.`],
  [/^Field must match pattern (.+)\.$/, p => `Feltet må følge mønsteret ${p}.`],
  [/^Field must be a valid email\.$/, () => 'Feltet må være en gyldig e-postadresse.'],
  [/^Field must be a valid\s+international phone number\..*$/,
    () => 'Feltet må være et gyldig internasjonalt telefonnummer (for eksempel +4722334455).']
];

/** The Bokmål text of a form-js validation message, or null when it is not one of form-js' own. */
export function translateFormMessage(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const match = trimmed.match(pattern);
    if (match) {
      return message(match[1]);
    }
  }
  return null;
}

function translateAll() {
  document.querySelectorAll('.fjs-form-field-error').forEach(error => {
    error.querySelectorAll('span, li, div').forEach(part => translateElement(part));
    translateElement(error);
  });
}

function translateElement(element) {
  element.childNodes.forEach(node => {
    if (node.nodeType === Node.TEXT_NODE) {
      const norwegian = translateFormMessage(node.textContent);
      if (norwegian) {
        node.textContent = norwegian;
      }
    }
  });
}

/** Rewrites form-js' validation messages in Bokmål on every page of the webapp (nothing when English is chosen). */
export function installFormMessages(language) {
  if (language !== 'nb') {
    return;
  }
  new MutationObserver(translateAll).observe(document.documentElement,
      {childList: true, subtree: true, characterData: true});
  translateAll();
}
