package io.waymark.customer.domain.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a filter into tokens. A word is a run of letters, digits and {@code _ . - +}: field names with their
 * keys ({@code traits.plan-tier}), keywords, numbers ({@code -1.5}) and relative times ({@code now-30d},
 * {@code now+1d}); the parser decides which. Positions count characters from 1.
 */
final class FilterLexer {

    enum Kind {
        WORD, STRING, EQ, NE, LT, LE, GT, GE, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, END
    }

    /** For a string, {@code text} is its content with the escapes undone. */
    record Token(Kind kind, String text, int position) {

        boolean isWord(String keyword) {
            return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
        }

        /** The token as an error names it: {@code 'and'}, {@code '"pro"'}, {@code the end of the filter}. */
        String describe() {
            return switch (kind) {
                case END -> "the end of the filter";
                case STRING -> "'" + FilterErrors.shortened(FilterText.quoted(text)) + "'";
                default -> "'" + FilterErrors.shortened(text) + "'";
            };
        }
    }

    private final String text;
    private final List<Token> tokens = new ArrayList<>();
    private int index;

    private FilterLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        FilterLexer lexer = new FilterLexer(text);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (index < text.length()) {
            char ch = text.charAt(index);
            if (Character.isWhitespace(ch)) {
                index++;
            } else if (ch == '"') {
                string();
            } else if (isWordChar(ch)) {
                int start = index;
                while (index < text.length() && isWordChar(text.charAt(index))) {
                    index++;
                }
                tokens.add(new Token(Kind.WORD, text.substring(start, index), start + 1));
            } else {
                symbol(ch);
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
    }

    private void symbol(char ch) {
        boolean equalsFollows = index + 1 < text.length() && text.charAt(index + 1) == '=';
        switch (ch) {
            case '(' -> add(Kind.LPAREN, "(");
            case ')' -> add(Kind.RPAREN, ")");
            case '[' -> add(Kind.LBRACKET, "[");
            case ']' -> add(Kind.RBRACKET, "]");
            case ',' -> add(Kind.COMMA, ",");
            case '=' -> add(Kind.EQ, "=");
            case '<' -> add(equalsFollows ? Kind.LE : Kind.LT, equalsFollows ? "<=" : "<");
            case '>' -> add(equalsFollows ? Kind.GE : Kind.GT, equalsFollows ? ">=" : ">");
            case '!' -> {
                if (!equalsFollows) {
                    throw FilterErrors.at(index + 1, "unexpected character '!'; write '!=' or 'not'");
                }
                add(Kind.NE, "!=");
            }
            default -> throw FilterErrors.at(index + 1, "unexpected character "
                    + FilterErrors.character(text.codePointAt(index)));
        }
    }

    private void add(Kind kind, String symbol) {
        tokens.add(new Token(kind, symbol, index + 1));
        index += symbol.length();
    }

    private void string() {
        int start = index;
        StringBuilder value = new StringBuilder();
        index++;
        while (index < text.length()) {
            char ch = text.charAt(index);
            if (ch == '"') {
                index++;
                tokens.add(new Token(Kind.STRING, value.toString(), start + 1));
                return;
            }
            if (ch == '\\') {
                if (index + 1 >= text.length()) {
                    break;
                }
                char escaped = text.charAt(index + 1);
                if (escaped != '"' && escaped != '\\') {
                    throw FilterErrors.at(index + 1, "a backslash in a string escapes only \\\" or \\\\, not "
                            + FilterErrors.character(text.codePointAt(index + 1)));
                }
                value.append(escaped);
                index += 2;
            } else {
                index += character(value);
            }
        }
        throw FilterErrors.at(start + 1, "the string that starts here has no closing '\"'");
    }

    /**
     * Appends the character at {@code index}, returning how many chars it took. PostgreSQL text holds no
     * U+0000 and a lone surrogate is no character at all, so neither may reach a parameter.
     */
    private int character(StringBuilder value) {
        int codePoint = text.codePointAt(index);
        if (codePoint == 0 || (Character.charCount(codePoint) == 1 && Character.isSurrogate((char) codePoint))) {
            throw FilterErrors.at(index + 1, "a string cannot hold " + FilterErrors.character(codePoint));
        }
        value.appendCodePoint(codePoint);
        return Character.charCount(codePoint);
    }

    private static boolean isWordChar(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
                || ch == '_' || ch == '.' || ch == '-' || ch == '+';
    }
}
