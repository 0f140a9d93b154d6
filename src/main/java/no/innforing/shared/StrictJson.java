package no.innforing.shared;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * JSON as the API reads it: types are strict (no {@code 2.5} read as 2, {@code 2} as true, a number as a text,
 * {@code -1} as a date, a text of only control characters or spaces as no value), and no text may carry a control
 * character or exceed {@link Input#MAX_TEXT}. A refusal becomes a 400 with a Norwegian detail naming the field
 * ({@code ApiExceptionHandler}).
 */
@Configuration
class StrictJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer strictTypes() {
        return builder -> builder
                .featuresToDisable(MapperFeature.ALLOW_COERCION_OF_SCALARS,
                        DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .featuresToEnable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                        DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .modulesToInstall(new SimpleModule("innforing-texts").addDeserializer(String.class, new Texts()))
                .postConfigurer(mapper -> {
                    for (LogicalType type : new LogicalType[] {LogicalType.Boolean, LogicalType.Textual,
                            LogicalType.Integer, LogicalType.Float, LogicalType.DateTime, LogicalType.Enum}) {
                        var config = mapper.coercionConfigFor(type);
                        config.setCoercion(CoercionInputShape.Integer, type == LogicalType.Integer
                                || type == LogicalType.Float ? CoercionAction.TryConvert : CoercionAction.Fail);
                        config.setCoercion(CoercionInputShape.Float, type == LogicalType.Float
                                ? CoercionAction.TryConvert : CoercionAction.Fail);
                        if (type != LogicalType.Textual) {
                            config.setCoercion(CoercionInputShape.Boolean, type == LogicalType.Boolean
                                    ? CoercionAction.TryConvert : CoercionAction.Fail);
                            // a text of only control characters and spaces ("\b") is not "no value": Jackson would
                            // read it as null (false, no date) for a scalar; refused like any other wrong type
                            config.setAcceptBlankAsEmpty(false);
                        }
                    }
                });
    }

    /** A value refused by the rules of {@link Input}; its message is the Norwegian detail. */
    static final class Refused extends JsonMappingException {
        Refused(JsonParser parser, String message) {
            super(parser, message);
        }
    }

    /** Texts: only JSON strings, with no control character and at most {@link Input#MAX_TEXT} characters. */
    static final class Texts extends StdScalarDeserializer<String> {

        Texts() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (String) context.handleUnexpectedToken(String.class, parser);
            }
            String value = parser.getText();
            String field = parser.currentName() == null ? "verdien" : parser.currentName();
            if (Input.hasControlCharacter(value)) {
                throw new Refused(parser, "«" + field + "» inneholder et ugyldig tegn (et kontrolltegn som NUL).");
            }
            if (value.length() > Input.MAX_TEXT) {
                throw new Refused(parser, "«" + field + "» kan ha høyst " + Input.MAX_TEXT + " tegn; den har "
                        + value.length() + ".");
            }
            return value;
        }

        @Override
        public LogicalType logicalType() {
            return LogicalType.Textual;
        }
    }
}
