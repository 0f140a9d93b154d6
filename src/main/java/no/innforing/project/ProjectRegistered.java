package no.innforing.project;

/** Published inside the registration transaction, before the process instance starts. */
public record ProjectRegistered(String municipalityNumber, String municipalityName) {
}
