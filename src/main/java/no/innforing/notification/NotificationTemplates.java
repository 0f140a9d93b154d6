package no.innforing.notification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a notification from its two templates in {@code templates/mail/}: {@code <name>.html} and
 * {@code <name>.txt}. The subject is written once, as the text template's first line ({@code Emne: ...}), so
 * the subject and the body cannot drift apart. The engines are our own, not Spring MVC's view setup, so that
 * mail rendering works the same in a Camunda job as in a test. Templates get a {@code dates} helper
 * ({@link MailDates}) for Norwegian dates.
 */
@Component
public class NotificationTemplates {

    static final String SUBJECT_PREFIX = "Emne: ";
    static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    private static final String TEMPLATE_FOLDER = "templates/mail/";

    private final TemplateEngine html = engine(".html", TemplateMode.HTML);
    private final TemplateEngine text = engine(".txt", TemplateMode.TEXT);
    private final MailDates dates = new MailDates();

    public RenderedMail render(String templateName, Map<String, Object> model) {
        String plain = text.process(templateName, context(model, null));
        int endOfFirstLine = plain.indexOf('\n');
        String firstLine = (endOfFirstLine < 0 ? plain : plain.substring(0, endOfFirstLine)).strip();
        if (!firstLine.startsWith(SUBJECT_PREFIX)) {
            throw new IllegalStateException("Mail template " + templateName + ".txt must start with a line \""
                    + SUBJECT_PREFIX + "<subject>\"");
        }
        String subject = firstLine.substring(SUBJECT_PREFIX.length()).strip();
        String body = endOfFirstLine < 0 ? "" : plain.substring(endOfFirstLine + 1).strip() + "\n";
        return new RenderedMail(subject, html.process(templateName, context(model, subject)), body);
    }

    private Context context(Map<String, Object> model, String subject) {
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("dates", dates);
        if (subject != null) {
            variables.put("subject", subject);
        }
        return new Context(NORWEGIAN, variables);
    }

    private static TemplateEngine engine(String suffix, TemplateMode mode) {
        ClassLoaderTemplateResolver resolver =
                new ClassLoaderTemplateResolver(NotificationTemplates.class.getClassLoader());
        resolver.setPrefix(TEMPLATE_FOLDER);
        resolver.setSuffix(suffix);
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCheckExistence(true);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    /**
     * Norwegian wording for the templates: {@code ${dates.longDate(deadline)}} is "28. februar 2027",
     * {@code ${dates.shortDate(deadline)}} "28.02.2027", {@code ${dates.days(n)}} "1 dag" or "7 dager".
     */
    static final class MailDates {

        private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d. MMMM uuuu", NORWEGIAN);
        private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd.MM.uuuu", NORWEGIAN);

        public String longDate(LocalDate day) {
            return LONG.format(day);
        }

        public String shortDate(LocalDate day) {
            return SHORT.format(day);
        }

        public String days(int count) {
            return count == 1 ? "1 dag" : count + " dager";
        }
    }
}
