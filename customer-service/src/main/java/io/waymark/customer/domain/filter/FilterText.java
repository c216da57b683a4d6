package io.waymark.customer.domain.filter;

import io.waymark.customer.domain.filter.Filter.And;
import io.waymark.customer.domain.filter.Filter.Comparison;
import io.waymark.customer.domain.filter.Filter.Exists;
import io.waymark.customer.domain.filter.Filter.Not;
import io.waymark.customer.domain.filter.Filter.Or;
import java.util.ArrayList;
import java.util.List;

/** Writes a filter back as text, in a form that parses to the same filter. */
public final class FilterText {

    private FilterText() {
    }

    public static String render(Filter filter) {
        return switch (filter) {
            case And and -> join(and.parts(), " and ");
            case Or or -> join(or.parts(), " or ");
            case Not not -> "not " + grouped(not.inner());
            case Exists exists -> exists.field().text() + " exists";
            case Comparison comparison -> comparison(comparison);
        };
    }

    public static String render(Literal literal) {
        return switch (literal) {
            case Literal.Text text -> quoted(text.value());
            case Literal.Decimal decimal -> decimal.value().toPlainString();
            case Literal.Bool bool -> Boolean.toString(bool.value());
            case Literal.RelativeTime time -> time.text();
            case Literal.AbsoluteTime time -> quoted(time.at().toString());
            case Literal.StageName stage -> quoted(stage.stage().name());
        };
    }

    /** A string as a filter writes it: in double quotes, with {@code "} and {@code \} escaped. */
    static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String comparison(Comparison comparison) {
        String head = comparison.field().text() + " " + comparison.op().symbol() + " ";
        if (comparison.op() != Operator.IN) {
            return head + render(comparison.value());
        }
        List<String> values = new ArrayList<>();
        for (Literal value : comparison.values()) {
            values.add(render(value));
        }
        return head + "(" + String.join(", ", values) + ")";
    }

    private static String join(List<Filter> parts, String separator) {
        List<String> rendered = new ArrayList<>();
        for (Filter part : parts) {
            rendered.add(grouped(part));
        }
        return String.join(separator, rendered);
    }

    /** And and or need parentheses inside another and, or, or not; the rest bind tighter already. */
    private static String grouped(Filter filter) {
        return filter instanceof And || filter instanceof Or ? "(" + render(filter) + ")" : render(filter);
    }
}
