package no.innforing.benefit;

/** What is said about a risk; checked by {@link BenefitService} before anything is stored. */
public record RiskDefinition(String description, RiskFocus focus, Integer likelihood, Integer consequence,
        String mitigation, String owner, RiskStatus status) {
}
