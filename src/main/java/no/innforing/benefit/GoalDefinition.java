package no.innforing.benefit;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a municipality says about a benefit goal; checked by {@link BenefitService} before anything is stored. */
public record GoalDefinition(FocusArea focusArea, String serviceCategory, String indicator, String unit,
        Direction direction, BigDecimal baseline, BigDecimal target, LocalDate targetDate, String responsible,
        String catalogueCode) {
}
