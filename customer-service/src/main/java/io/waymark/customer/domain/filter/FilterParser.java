package io.waymark.customer.domain.filter;

import io.waymark.customer.domain.filter.FilterLexer.Kind;
import io.waymark.customer.domain.filter.FilterLexer.Token;
import io.waymark.customer.domain.filter.FilterTypes.Written;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the filter language (grammar in docs/segments.md) by recursive descent, checking types and limits as
 * it goes. Every refusal is an {@link io.waymark.platform.domain.Invalid} on field {@code filter} that names
 * the position and what was expected.
 */
public final class FilterParser {

    public static final int MAX_LENGTH = 4000;
    public static final int MAX_COMPARISONS = 50;
    public static final int MAX_NESTING = 20;
    public static final int MAX_IN_VALUES = 100;
    /** More digits than a double holds exactly would make the SQL and the evaluator disagree. */
    static final int MAX_DIGITS = 15;

    private static final Pattern NUMBER = Pattern.compile("-?([0-9]+)(?:\\.([0-9]+))?");
    private static final Pattern RELATIVE_TIME = Pattern.compile("now(?:([+-])([0-9]{1,5})([mhdw]))?",
            Pattern.CASE_INSENSITIVE);
    private static final String OPERATORS = "=, !=, <, <=, >, >=, in, contains or exists";

    private final List<Token> tokens;
    private final FilterScope scope;
    private int index;
    private int nesting;
    private int comparisons;

    private FilterParser(List<Token> tokens, FilterScope scope) {
        this.tokens = tokens;
        this.scope = scope;
    }

    /** The filter that {@code text} writes; a null text is treated as an empty one (and refused). */
    public static Filter parse(String text, FilterScope scope) {
        Objects.requireNonNull(scope, "scope");
        String input = text == null ? "" : text;
        if (input.length() > MAX_LENGTH) {
            throw FilterErrors.at(MAX_LENGTH + 1, "a filter is at most " + MAX_LENGTH + " characters (this one has "
                    + input.length() + ")");
        }
        FilterParser parser = new FilterParser(FilterLexer.tokens(input), scope);
        Filter filter = parser.or();
        Token rest = parser.peek();
        if (rest.kind() == Kind.RPAREN) {
            throw FilterErrors.at(rest.position(), "this ')' closes no '('");
        }
        if (rest.kind() != Kind.END) {
            throw FilterErrors.at(rest.position(), "expected 'and', 'or' or the end of the filter but found "
                    + rest.describe());
        }
        return filter;
    }

    private Filter or() {
        List<Filter> parts = new ArrayList<>(List.of(and()));
        while (peek().isWord("or")) {
            index++;
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
    }

    private Filter and() {
        List<Filter> parts = new ArrayList<>(List.of(not()));
        while (peek().isWord("and")) {
            index++;
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
    }

    private Filter not() {
        Token token = peek();
        if (token.isWord("not")) {
            index++;
            enter(token);
            Filter inner = not();
            nesting--;
            return new Filter.Not(inner);
        }
        if (token.kind() == Kind.LPAREN) {
            index++;
            enter(token);
            Filter inner = or();
            Token close = next();
            if (close.kind() != Kind.RPAREN) {
                throw FilterErrors.at(close.position(), "expected 'and', 'or' or ')' to close the '(' at position "
                        + token.position() + " but found " + close.describe());
            }
            nesting--;
            return inner;
        }
        return predicate();
    }

    private void enter(Token token) {
        if (++nesting > MAX_NESTING) {
            throw FilterErrors.at(token.position(), "a filter nests at most " + MAX_NESTING
                    + " levels of parentheses and 'not'");
        }
    }

    private Filter predicate() {
        Token start = peek();
        if (++comparisons > MAX_COMPARISONS) {
            throw FilterErrors.at(start.position(), "a filter has at most " + MAX_COMPARISONS + " comparisons");
        }
        Field field = field();
        Token token = next();
        if (token.isWord("exists")) {
            FilterTypes.checkExists(field, token.position());
            return new Filter.Exists(field);
        }
        Operator operator = operator(token);
        if (operator == null) {
            throw FilterErrors.at(token.position(), "expected an operator (" + OPERATORS + ") after '"
                    + FilterErrors.shortened(field.text()) + "' but found " + token.describe());
        }
        FilterTypes.checkOperator(field, operator, token.position());
        List<Written> values = operator == Operator.IN ? list(token) : List.of(value(token));
        return FilterTypes.comparison(field, operator, values);
    }

    private Field field() {
        Token word = next();
        if (word.kind() != Kind.WORD || isKeyword(word)) {
            throw FilterErrors.at(word.position(), "expected a field but found " + word.describe());
        }
        if (peek().kind() != Kind.LBRACKET) {
            return FieldNames.dotted(word.text(), word.position(), scope);
        }
        index++;
        Token key = next();
        if (key.kind() != Kind.STRING) {
            throw FilterErrors.at(key.position(), "expected a key in double quotes after '[' but found "
                    + key.describe());
        }
        Token close = next();
        if (close.kind() != Kind.RBRACKET) {
            throw FilterErrors.at(close.position(), "expected ']' after the key but found " + close.describe());
        }
        return FieldNames.bracketed(word.text(), word.position(), key.text(), key.position(), scope);
    }

    private static Operator operator(Token token) {
        return switch (token.kind()) {
            case EQ -> Operator.EQ;
            case NE -> Operator.NE;
            case LT -> Operator.LT;
            case LE -> Operator.LE;
            case GT -> Operator.GT;
            case GE -> Operator.GE;
            case WORD -> token.isWord("in") ? Operator.IN : token.isWord("contains") ? Operator.CONTAINS : null;
            default -> null;
        };
    }

    private List<Written> list(Token in) {
        Token open = next();
        if (open.kind() != Kind.LPAREN) {
            throw FilterErrors.at(open.position(), "expected '(' after 'in' but found " + open.describe());
        }
        if (peek().kind() == Kind.RPAREN) {
            throw FilterErrors.at(peek().position(), "an 'in' list needs at least one value");
        }
        List<Written> values = new ArrayList<>();
        Token after = open;
        while (true) {
            if (values.size() == MAX_IN_VALUES) {
                throw FilterErrors.at(peek().position(), "an 'in' list has at most " + MAX_IN_VALUES + " values");
            }
            values.add(value(after));
            after = next();
            if (after.kind() == Kind.RPAREN) {
                return values;
            }
            if (after.kind() != Kind.COMMA) {
                throw FilterErrors.at(after.position(), "expected ',' or ')' in the 'in' list that starts at position "
                        + open.position() + " but found " + after.describe());
            }
        }
    }

    /** A value: string, number, true, false or relative time. {@code after} is the token before it. */
    private Written value(Token after) {
        Token token = next();
        String expected = "expected a value after '" + after.text() + "' but found " + token.describe();
        if (token.kind() == Kind.STRING) {
            return new Written(new Literal.Text(token.text()), token.position());
        }
        if (token.kind() != Kind.WORD) {
            throw FilterErrors.at(token.position(), expected);
        }
        String word = token.text();
        Literal literal;
        if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
            literal = new Literal.Bool(word.equalsIgnoreCase("true"));
        } else if (NUMBER.matcher(word).matches()) {
            literal = number(word, token.position());
        } else if (word.regionMatches(true, 0, "now", 0, 3)) {
            literal = relativeTime(word, token.position());
        } else if (isKeyword(token)) {
            throw FilterErrors.at(token.position(), expected);
        } else {
            throw FilterErrors.at(token.position(), expected + " (strings are written in double quotes)");
        }
        return new Written(literal, token.position());
    }

    private static Literal number(String word, int position) {
        int digits = word.length() - (word.startsWith("-") ? 1 : 0) - (word.contains(".") ? 1 : 0);
        if (digits > MAX_DIGITS) {
            throw FilterErrors.at(position, "a number has at most " + MAX_DIGITS + " digits");
        }
        return new Literal.Decimal(new BigDecimal(word));
    }

    private static Literal relativeTime(String word, int position) {
        Matcher matcher = RELATIVE_TIME.matcher(word);
        if (!matcher.matches()) {
            throw FilterErrors.at(position, "'" + FilterErrors.shortened(word) + "' is not a relative time; write"
                    + " now, or now-/now+ up to 5 digits and m (minutes), h, d or w:"
                    + " now-15m, now-12h, now-30d, now-2w");
        }
        if (matcher.group(1) == null) {
            return new Literal.RelativeTime(Duration.ZERO, "now");
        }
        long magnitude = Long.parseLong(matcher.group(2));
        long amount = matcher.group(1).equals("-") ? -magnitude : magnitude;
        String unit = matcher.group(3).toLowerCase(Locale.ROOT);
        Duration offset = switch (unit) {
            case "m" -> Duration.of(amount, ChronoUnit.MINUTES);
            case "h" -> Duration.of(amount, ChronoUnit.HOURS);
            case "d" -> Duration.of(amount, ChronoUnit.DAYS);
            default -> Duration.of(amount * 7, ChronoUnit.DAYS);
        };
        return new Literal.RelativeTime(offset, "now" + matcher.group(1) + magnitude + unit);
    }

    private static boolean isKeyword(Token token) {
        for (String keyword : List.of("and", "or", "not", "in", "contains", "exists", "true", "false")) {
            if (token.isWord(keyword)) {
                return true;
            }
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != Kind.END) {
            index++;
        }
        return token;
    }
}
