package no.innforing.project;

/** Published inside the transaction that records a municipality's withdrawal. */
public record ProjectWithdrawn(Long projectId, String municipalityNumber, String reason) {
}
