package no.innforing.overview;

import static no.innforing.shared.Norwegian.DATE;

import java.util.Map;
import org.springframework.web.util.HtmlUtils;

/**
 * The cells of an overview row from the municipality to the links, as HTML. The overview has a row per
 * municipality (356 for the country) with some thirty values each; evaluated by the template one expression at a
 * time they took most of the page's time, written here they take a few microseconds a row. The row's move form
 * stays in the template (it needs the form's CSRF field). Every value is escaped as the template would escape it.
 */
final class RowCells {

    private final Map<String, Integer> versions;
    private final String contextPath;

    RowCells(Map<String, Integer> versions, String contextPath) {
        this.versions = versions;
        this.contextPath = contextPath;
    }

    /** Kommune, Fase, Neste frist, Dager igjen, Forfalte oppgaver, Status, Trafikklys, Metodeversjon, Lenker. */
    public String html(OverviewService.Row r) {
        String name = escape(r.municipalityName());
        String number = escape(r.municipalityNumber());
        boolean open = r.state().isOpen();
        Integer version = r.processInstanceId() == null ? null : versions.get(r.processInstanceId());
        StringBuilder html = new StringBuilder(1024);
        html.append("<th scope=\"row\"><a href=\"").append(contextPath).append("/projects/").append(number)
                .append("\">").append(name).append("</a>\n            <span class=\"muted\">(").append(number)
                .append(", ").append(escape(r.county())).append(")</span></th>\n")
                .append("          <td>").append(escape(r.phaseName())).append("</td>\n")
                .append("          <td>");
        if (r.nextDeadline() != null) {
            html.append("<span>").append(escape(r.nextDeadline().label())).append(", ")
                    .append(r.nextDeadline().date().format(DATE)).append("</span>");
        }
        html.append("</td>\n          <td>").append(r.daysLeft() == null ? "" : r.daysLeft()).append("</td>\n")
                .append("          <td>").append(r.overdueTasks()).append("</td>\n")
                .append("          <td>").append(escape(r.stateName())).append("</td>\n")
                .append("          <td><span class=\"light ").append(r.light().css()).append("\">")
                .append(escape(r.light().label())).append("</span></td>\n")
                .append("          <td>").append(version == null ? "–" : version).append("</td>\n")
                .append("          <td>\n");
        if (r.processInstanceId() != null && open) {
            html.append("            <a href=\"/camunda/app/cockpit/default/#/process-instance/")
                    .append(escape(r.processInstanceId())).append("/runtime\" aria-label=\"Cockpit for ").append(name)
                    .append("\">Cockpit</a>\n");
        }
        if (open) {
            html.append("            <a href=\"").append(contextPath)
                    .append("/camunda/app/tasklist/default/\" aria-label=\"Tasklist for ").append(name)
                    .append("\">Tasklist</a>\n");
        }
        return html.append("          </td>").toString();
    }

    private static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
