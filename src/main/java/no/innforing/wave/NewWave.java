package no.innforing.wave;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A wave RAG creates: its code (letters and digits, such as KI6), name, the hospital trust it goes live with
 * (optional) and its go-live date. The same record binds the API's JSON and the page's form.
 */
public record NewWave(
        @NotBlank(message = "Koden mangler.")
        @Pattern(regexp = "[A-Za-z0-9]{1,10}", message = "Koden kan bare ha bokstavene A–Z og sifre, høyst 10 tegn, "
                + "for eksempel KI6.")
        String code,
        @NotBlank(message = "Navnet mangler.")
        @Size(max = 100, message = "Navnet kan ha høyst 100 tegn.")
        String name,
        @Size(max = 100, message = "Helseforetaket kan ha høyst 100 tegn.")
        String hospitalTrust,
        @NotNull(message = "Datoen for produksjonssetting mangler.")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        LocalDate goLiveDate) {
}
