/**
 * Demo data for the embedded default: contacts for the region's municipalities (reference data, loaded by the
 * municipality module), eight waves placed around the day of the first start, and projects in every phase. Off in
 * the prod setting.
 */
package no.innforing.demo;
