/**
 * E-mail notifications: deadline reminders, phase starts, overdue tasks and RAG alerts, rendered from Norwegian
 * templates, sent on Norwegian working days, with the deadline as a calendar file.
 */
package no.innforing.notification;
