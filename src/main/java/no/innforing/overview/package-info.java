/**
 * The regional overview: server-rendered pages for RAG (every municipality, per wave, with a timeline) and for a
 * project leader (their own municipality), a CSV export and the calendar feed of each municipality's deadlines.
 */
package no.innforing.overview;
