/**
 * Demo data for the embedded default: the region's municipalities, eight waves placed around the day of the first
 * start, and projects in every phase. Off in the prod setting.
 */
package no.innforing.demo;
