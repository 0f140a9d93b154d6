package no.innforing.overview;

import static no.innforing.shared.Norwegian.DATE;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;

/**
 * The rows of an overview table as HTML: the cells from the municipality to the links and, for RAG, the row's move
 * form. The overview has a row per municipality (356 for the country) with some thirty values and a form each;
 * evaluated by the template one expression at a time they took most of the page's time, written here they take a
 * few microseconds a row. Every value is escaped as the template would escape it, and the move form carries the
 * same CSRF field Thymeleaf adds to a form ({@code _csrf}, the request's token). Elements are separated by a line
 * break where the template had whitespace, but not indented: indentation was a ninth of the page's bytes.
 */
final class RowCells {

    private final Map<String, Integer> versions;
    private final String contextPath;
    private final MoveOptions moveOptions;
    private final String csrfField;

    /**
     * @param moveOptions the rows' move lists, or null when the viewer may not move municipalities (no "Flytt"
     *                    column)
     * @param csrfField   the hidden CSRF input of the move forms, or "" when the request has no token
     */
    RowCells(Map<String, Integer> versions, String contextPath, MoveOptions moveOptions, String csrfField) {
        this.versions = versions;
        this.contextPath = contextPath;
        this.moveOptions = moveOptions;
        this.csrfField = csrfField;
    }

    /** The hidden input Thymeleaf's form processing writes for the token: {@code <input type="hidden" …/>}. */
    static String csrfField(String parameterName, String token) {
        return parameterName == null || token == null ? "" : "<input type=\"hidden\" name=\"" + escape(parameterName)
                + "\" value=\"" + escape(token) + "\"/>";
    }

    /** The {@code <tr>} elements of one wave's table. */
    public String rows(List<OverviewService.Row> rows) {
        StringBuilder html = new StringBuilder(rows.size() * (moveOptions == null ? 700 : 1400));
        for (OverviewService.Row r : rows) {
            html.append("<tr>\n");
            cells(html, r);
            if (moveOptions != null) {
                move(html, r);
            }
            html.append("\n</tr>\n");
        }
        return html.toString();
    }

    /** Kommune, Fase, Neste frist, Dager igjen, Forfalte oppgaver, Status, Trafikklys, Metodeversjon, Lenker. */
    private void cells(StringBuilder html, OverviewService.Row r) {
        String name = escape(r.municipalityName());
        String number = escape(r.municipalityNumber());
        boolean open = r.state().isOpen();
        Integer version = r.processInstanceId() == null ? null : versions.get(r.processInstanceId());
        html.append("<th scope=\"row\"><a href=\"").append(contextPath).append("/projects/").append(number)
                .append("\">").append(name).append("</a>\n<span class=\"muted\">(").append(number)
                .append(", ").append(escape(r.county())).append(")</span></th>\n")
                .append("<td>").append(escape(r.phaseName())).append("</td>\n")
                .append("<td>");
        if (r.nextDeadline() != null) {
            html.append("<span>").append(escape(r.nextDeadline().label())).append(", ")
                    .append(r.nextDeadline().date().format(DATE)).append("</span>");
        }
        html.append("</td>\n<td>").append(r.daysLeft() == null ? "" : r.daysLeft()).append("</td>\n")
                .append("<td>").append(r.overdueTasks()).append("</td>\n")
                .append("<td>").append(escape(r.stateName())).append("</td>\n")
                .append("<td><span class=\"light ").append(r.light().css()).append("\">")
                .append(escape(r.light().label())).append("</span></td>\n")
                .append("<td>").append(version == null ? "–" : version).append("</td>\n")
                .append("<td>\n");
        if (r.processInstanceId() != null && open) {
            html.append("<a href=\"/camunda/app/cockpit/default/#/process-instance/")
                    .append(escape(r.processInstanceId())).append("/runtime\" aria-label=\"Cockpit for ").append(name)
                    .append("\">Cockpit</a>\n");
        }
        if (open) {
            html.append("<a href=\"").append(contextPath)
                    .append("/camunda/app/tasklist/default/\" aria-label=\"Tasklist for ").append(name)
                    .append("\">Tasklist</a>\n");
        }
        html.append("</td>");
    }

    /** Flytt: a running project's form to preview its move to another wave (empty for a closed one). */
    private void move(StringBuilder html, OverviewService.Row r) {
        if (!r.state().isOpen()) {
            html.append("\n<td></td>");
            return;
        }
        String number = escape(r.municipalityNumber());
        html.append("\n<td>\n<form method=\"post\" action=\"").append(contextPath)
                .append("/overview/projects/")
                .append(escape(UriUtils.encodePathSegment(r.municipalityNumber(), StandardCharsets.UTF_8)))
                .append("/wave/preview\" class=\"inline\">").append(csrfField)
                .append("\n<label class=\"muted\" for=\"move-").append(number)
                .append("\">Til bølge</label>\n<select name=\"waveCode\" id=\"move-").append(number)
                .append("\" required>").append(moveOptions.html(r.waveCode(), r.serviceAgreementSigned()))
                .append("</select>\n<button type=\"submit\">Flytt …</button>\n</form>\n")
                .append("</td>");
    }

    private static String escape(String text) {
        return Html.escape(text);
    }
}
