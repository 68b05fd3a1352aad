package dev.weir.runner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a Flink SQL script into statements at top-level semicolons. A ';' does not split
 * inside a string literal ('it''s'), a quoted identifier (`a;b`, "a;b"), a line comment or a
 * block comment (hints included). Comments stay in the statement text, so hints reach Flink.
 *
 * <p>{@code EXECUTE STATEMENT SET BEGIN ...; ...; END;} (and its EXPLAIN form) is one statement
 * whose {@link SqlStatement#body()} holds the statements inside. The SQL client's
 * {@code BEGIN STATEMENT SET; ... END;} is left as separate statements for the runner to pair.
 */
public final class SqlSplitter {

    /** Words that may stand before STATEMENT SET BEGIN: EXECUTE, or EXPLAIN and its details. */
    private static final Set<String> BLOCK_PREFIX =
            new HashSet<>(
                    Arrays.asList(
                            "EXECUTE",
                            "EXPLAIN",
                            "PLAN_ADVICE",
                            "ESTIMATED_COST",
                            "CHANGELOG_MODE",
                            "JSON_EXECUTION_PLAN"));

    private SqlSplitter() {}

    /** A word at the start of a statement, with its offset in the statement's text. */
    static final class Word {
        final String upper;
        final int start;
        final int end;

        Word(String upper, int start, int end) {
            this.upper = upper;
            this.start = start;
            this.end = end;
        }
    }

    /** Raw text between two top-level semicolons, with its offset in the script. */
    private static final class Segment {
        final String text;
        final int offset;

        Segment(String text, int offset) {
            this.text = text;
            this.offset = offset;
        }
    }

    public static List<SqlStatement> split(String script) {
        List<Segment> segments = segments(script);
        List<SqlStatement> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            int first = firstMeaningful(seg.text);
            if (first < 0) continue; // blank or comments only
            int line = lineOf(script, seg.offset + first);
            List<Word> words = leadingWords(seg.text, 12);
            int begin = blockBegin(words);
            if (begin < 0) {
                out.add(new SqlStatement(seg.text.substring(first).trim(), line));
                continue;
            }
            // A block: collect segments up to one that is just END.
            List<SqlStatement> body = new ArrayList<>();
            String head = seg.text.substring(words.get(begin).end);
            addIfMeaningful(body, head, script, seg.offset + words.get(begin).end);
            int j = i + 1;
            boolean closed = false;
            for (; j < segments.size(); j++) {
                Segment inner = segments.get(j);
                List<Word> innerWords = leadingWords(inner.text, 2);
                if (innerWords.size() == 1
                        && innerWords.get(0).upper.equals("END")
                        && firstMeaningful(inner.text.substring(innerWords.get(0).end)) < 0) {
                    closed = true;
                    break;
                }
                addIfMeaningful(body, inner.text, script, inner.offset);
            }
            if (!closed) {
                throw new SqlSplitException(
                        "STATEMENT SET BEGIN at line " + line + " has no closing 'END;'", line);
            }
            Segment end = segments.get(j);
            int endWord = end.offset + leadingWords(end.text, 1).get(0).end;
            String text = script.substring(seg.offset + first, endWord).trim();
            out.add(SqlStatement.block(text, line, body));
            i = j;
        }
        return out;
    }

    private static void addIfMeaningful(List<SqlStatement> into, String text, String script, int offset) {
        int first = firstMeaningful(text);
        if (first >= 0) {
            into.add(new SqlStatement(text.substring(first).trim(), lineOf(script, offset + first)));
        }
    }

    /** Index in {@code words} of BEGIN when they read [prefix...] STATEMENT SET BEGIN; else -1. */
    private static int blockBegin(List<Word> words) {
        for (int i = 0; i + 2 < words.size(); i++) {
            if (words.get(i).upper.equals("STATEMENT")
                    && words.get(i + 1).upper.equals("SET")
                    && words.get(i + 2).upper.equals("BEGIN")) {
                return i + 2;
            }
            if (!BLOCK_PREFIX.contains(words.get(i).upper)) return -1;
        }
        return -1;
    }

    /** Cuts the script at top-level semicolons; the ';' itself belongs to no segment. */
    private static List<Segment> segments(String s) {
        List<Segment> out = new ArrayList<>();
        int start = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ';') {
                out.add(new Segment(s.substring(start, i), start));
                start = ++i;
            } else {
                i = skipToken(s, i);
            }
        }
        out.add(new Segment(s.substring(start), start));
        return out;
    }

    /**
     * From {@code i}, returns the index after the quoted literal, identifier or comment that
     * starts there, or {@code i + 1} for any other character.
     */
    static int skipToken(String s, int i) {
        int n = s.length();
        char c = s.charAt(i);
        if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-') {
            int eol = s.indexOf('\n', i);
            return eol < 0 ? n : eol + 1;
        }
        if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
            int close = s.indexOf("*/", i + 2);
            if (close < 0) {
                int line = lineOf(s, i);
                throw new SqlSplitException("comment opened at line " + line + " is never closed", line);
            }
            return close + 2;
        }
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (true) {
                int close = s.indexOf(c, j);
                if (close < 0) {
                    int line = lineOf(s, i);
                    String what = c == '\'' ? "string literal" : "quoted identifier";
                    throw new SqlSplitException(what + " opened at line " + line + " is never closed", line);
                }
                // A doubled quote is an escaped quote inside the literal.
                if (close + 1 < n && s.charAt(close + 1) == c) {
                    j = close + 2;
                    continue;
                }
                return close + 1;
            }
        }
        return i + 1;
    }

    /** Offset of the first character that is neither whitespace nor in a comment; -1 if none. */
    static int firstMeaningful(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if ((c == '-' && i + 1 < n && s.charAt(i + 1) == '-')
                    || (c == '/' && i + 1 < n && s.charAt(i + 1) == '*')) {
                i = skipToken(s, i);
            } else {
                return i;
            }
        }
        return -1;
    }

    /**
     * The first words of a statement, upper-cased, skipping whitespace, comments and commas;
     * stops at the first character that is none of these (a quote, a parenthesis, ...).
     */
    static List<Word> leadingWords(String s, int max) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n && words.size() < max) {
            int next = firstMeaningful(s.substring(i));
            if (next < 0) break;
            i += next;
            char c = s.charAt(i);
            if (c == ',') {
                i++;
                continue;
            }
            if (!Character.isLetter(c) && c != '_') break;
            int j = i;
            while (j < n && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) j++;
            words.add(new Word(s.substring(i, j).toUpperCase(Locale.ROOT), i, j));
            i = j;
        }
        return words;
    }

    /** The first {@code max} leading words of a statement, upper-cased. */
    public static List<String> keywords(String sql, int max) {
        List<String> out = new ArrayList<>();
        for (Word w : leadingWords(sql, max)) out.add(w.upper);
        return out;
    }

    static int lineOf(String s, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < s.length(); i++) {
            if (s.charAt(i) == '\n') line++;
        }
        return line;
    }
}
