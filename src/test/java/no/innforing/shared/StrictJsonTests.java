package no.innforing.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The API's JSON rules on the mapper Spring builds from them, one wrong value at a time; the detail is what the API
 * answers ({@link ApiExceptionHandler#unreadable}). The HTTP path is {@code ApiBadInputPropertyTests}.
 */
class StrictJsonTests {

    enum Phase { PRE_PROJECT }

    record Body(Boolean earlyStart, Integer likelihood, BigDecimal amount, LocalDate signedOn, Phase phase,
            String reason) {
    }

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        Jackson2ObjectMapperBuilder builder = new Jackson2ObjectMapperBuilder();
        new StrictJson().strictTypes().customize(builder);
        return builder.build();
    }

    private String refusal(String field, String jsonValue) {
        Throwable refused = catchThrowable(() -> mapper.readValue("{\"" + field + "\":" + jsonValue + "}", Body.class));
        assertThat(refused).as("%s = %s", field, jsonValue).isNotNull();
        return ApiExceptionHandler.unreadable(refused);
    }

    @Test
    void aTextOfOnlyControlCharactersOrSpacesIsNoValueOfAnyOtherType() {
        // Jackson's default reads a blank text as null for a scalar: "\b" became earlyStart = false (found by
        // ApiBadInputPropertyTests in CI)
        assertThat(refusal("earlyStart", "\"\\b\"")).isEqualTo("«earlyStart» må være true eller false.");
        assertThat(refusal("earlyStart", "\"  \"")).isEqualTo("«earlyStart» må være true eller false.");
        assertThat(refusal("likelihood", "\"\\u0003\"")).isEqualTo("«likelihood» må være et heltall.");
        assertThat(refusal("amount", "\"\\u0001 \"")).isEqualTo("«amount» må være et tall.");
        assertThat(refusal("signedOn", "\"\\u0007\"")).isEqualTo("«signedOn» må være en gyldig dato på formen ÅÅÅÅ-MM-DD.");
        assertThat(refusal("phase", "\"\\b\"")).startsWith("«phase» har en ukjent verdi");
        assertThat(refusal("reason", "\"\\b\"")).isEqualTo("«reason» inneholder et ugyldig tegn (et kontrolltegn som NUL).");
    }

    @Test
    void theRightTypesAreRead() throws Exception {
        Body body = mapper.readValue("""
                {"earlyStart":true,"likelihood":3,"amount":2.5,"signedOn":"2026-05-01","phase":"PRE_PROJECT",
                 "reason":"Vi venter"}""", Body.class);
        assertThat(body).isEqualTo(new Body(true, 3, new BigDecimal("2.5"), LocalDate.of(2026, 5, 1),
                Phase.PRE_PROJECT, "Vi venter"));
        assertThat(refusal("earlyStart", "\"true\"")).isEqualTo("«earlyStart» må være true eller false.");
        assertThat(refusal("likelihood", "2.5")).isEqualTo("«likelihood» må være et heltall.");
    }
}
