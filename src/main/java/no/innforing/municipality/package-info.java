/**
 * Municipalities: official 4-digit number (the business key everywhere), name, county, population and contacts.
 * Read by the API and the implementation project.
 */
package no.innforing.municipality;
