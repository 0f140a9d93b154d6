package no.innforing.benefit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Example benefit goals to start from (the two of DOMAIN.md among them). A municipality copies one with
 * {@code catalogueCode} and adapts the figures, the target date and the person responsible.
 */
public final class BenefitCatalogue {

    /** An example goal; the target date is {@code yearsAfterGoLive} after the municipality's go-live. */
    public record Example(String code, String title, FocusArea focusArea, String serviceCategory, String indicator,
            String unit, Direction direction, BigDecimal baseline, BigDecimal target, int yearsAfterGoLive,
            String ambition) {
    }

    public static final List<Example> EXAMPLES = List.of(
            new Example("legemiddel-pasientskader", "Færre legemiddelrelaterte pasientskader",
                    FocusArea.MEDICATION_MANAGEMENT, "Hjemmetjenester og sykehjem",
                    "Legemiddelrelaterte pasientskader (meldte avvik per år)", "avvik per år", Direction.DECREASE,
                    new BigDecimal("50"), new BigDecimal("10"), 3,
                    "Redusere legemiddelrelaterte pasientskader med 80 % innen tre år etter produksjonssetting."),
            new Example("helsekort-timer", "Skolehelsetjenesten: slutt på henting og bringing av helsekort",
                    FocusArea.LOGISTICS, "Skolehelsetjenesten", "Tid brukt på å hente og bringe helsekort",
                    "timer per år", Direction.DECREASE, new BigDecimal("2300"), new BigDecimal("100"), 2,
                    "Henting og bringing av helsekort koster 60 minutter per barn, 2 300 timer i året; "
                            + "med felles journal skal nesten alt dette bort."),
            new Example("helsekort-arsverk", "Skolehelsetjenesten: årsverk til helsekort frigjort",
                    FocusArea.LOGISTICS, "Skolehelsetjenesten", "Årsverk brukt på å hente og bringe helsekort",
                    "årsverk", Direction.DECREASE, new BigDecimal("1.3"), new BigDecimal("0.1"), 2,
                    "1,3 årsverk går i dag til helsekort; frigjør minst 1,2 årsverk til helsearbeid."),
            new Example("helsestasjon-digital-dialog", "Digital dialog med helsestasjonen",
                    FocusArea.CITIZEN_INVOLVEMENT, "Helsestasjon", "Andel foreldre som bruker digital dialog",
                    "prosent", Direction.INCREASE, new BigDecimal("10"), new BigDecimal("60"), 2,
                    "Seks av ti foreldre bruker digital dialog med helsestasjonen to år etter produksjonssetting."),
            new Example("legevakt-innhenting", "Mindre tid på å innhente opplysninger i legevakten",
                    FocusArea.COLLABORATION, "Legevakt", "Tid brukt på å innhente opplysninger per konsultasjon",
                    "minutter", Direction.DECREASE, new BigDecimal("15"), new BigDecimal("3"), 1,
                    "Opplysninger fra sykehus og fastlege er tilgjengelige i journalen uten telefon og faks."),
            new Example("hjemmetjenester-dobbeltregistrering", "Slutt på dobbeltregistrering i hjemmetjenestene",
                    FocusArea.USABILITY, "Hjemmetjenester", "Tid brukt på dobbeltregistrering", "timer per år",
                    Direction.DECREASE, new BigDecimal("1800"), new BigDecimal("200"), 2,
                    "Én registrering, ett sted: timer frigjøres til pasientnært arbeid."),
            new Example("digital-hjemmeoppfolging", "Flere pasienter med digital hjemmeoppfølging",
                    FocusArea.DIGITAL_HOME_FOLLOW_UP, "Hjemmetjenester", "Pasienter med digital hjemmeoppfølging",
                    "pasienter", Direction.INCREASE, new BigDecimal("0"), new BigDecimal("100"), 3,
                    "Minst 100 pasienter følges opp digitalt hjemme tre år etter produksjonssetting."),
            new Example("styringsinformasjon-rapporter", "Styringsinformasjon uten manuelt arbeid",
                    FocusArea.MANAGEMENT_INFORMATION, "Helse og omsorg (ledelse)",
                    "Tid brukt på manuelle rapporter", "timer per år", Direction.DECREASE, new BigDecimal("600"),
                    new BigDecimal("100"), 2, "Ledere henter styringsinformasjon fra journalen i stedet for å telle."),
            new Example("sykehjem-fornoyde-ansatte", "Ansatte som er fornøyd med journalen",
                    FocusArea.USABILITY, "Sykehjem", "Andel ansatte som er fornøyd med journalsystemet", "prosent",
                    Direction.INCREASE, new BigDecimal("40"), new BigDecimal("70"), 2,
                    "Sju av ti ansatte er fornøyd med journalsystemet to år etter produksjonssetting."),
            new Example("forskning-prosjekter", "Forskning på data fra den felles journalen", FocusArea.RESEARCH,
                    "Helse og omsorg", "Forsknings- og kvalitetsprosjekter som bruker journaldata", "prosjekter",
                    Direction.INCREASE, new BigDecimal("0"), new BigDecimal("3"), 3,
                    "Kommunen deltar i minst tre forsknings- eller kvalitetsprosjekter."));

    private BenefitCatalogue() {
    }

    public static Optional<Example> find(String code) {
        return EXAMPLES.stream().filter(example -> example.code().equals(code)).findFirst();
    }
}
