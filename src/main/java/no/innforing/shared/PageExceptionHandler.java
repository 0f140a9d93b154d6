package no.innforing.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On the app's pages a refusal is a page too, in Norwegian, with the same message the API would give. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(AccessDeniedException.class)
    String forbidden(AccessDeniedException e, Model model, HttpServletResponse response) {
        return problem(HttpServletResponse.SC_FORBIDDEN, "Ingen tilgang", e.getMessage(), model, response);
    }

    @ExceptionHandler(DomainException.class)
    String refused(DomainException e, Model model, HttpServletResponse response) {
        return problem(e.status().value(), e.kind().title(), e.getMessage(), model, response);
    }

    /** A form sent without a field, with a value of the wrong kind, or with a body that cannot be read. */
    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HttpMessageNotReadableException.class, BindException.class, HttpMediaTypeNotSupportedException.class})
    String badForm(Exception e, Model model, HttpServletResponse response) {
        String detail = "Skjemaet kunne ikke leses. Last siden på nytt og prøv igjen.";
        if (e instanceof MissingServletRequestParameterException missing) {
            detail = "Skjemaet manglet feltet «" + missing.getParameterName() + "». Last siden på nytt og prøv igjen.";
        } else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            detail = "«" + mismatch.getName() + "» har en verdi som ikke kan leses. Last siden på nytt og prøv igjen.";
        }
        return problem(400, DomainException.Kind.INVALID.title(), detail, model, response);
    }

    private static String problem(int status, String title, String detail, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("title", title);
        model.addAttribute("detail", detail);
        return "problem";
    }
}
